import pytest

from archive.catalogue.models import CollectionPage, ItemPage
from media.models import DigitizedImage
from tests.catalogue.seed_tree import failed_load, item, load, write_seed_tree


def snapshot() -> tuple:
    return (
        ItemPage.objects.count(),
        CollectionPage.objects.count(),
        DigitizedImage.objects.count(),
        sorted(ItemPage.objects.values_list("title", flat=True)),
    )


@pytest.mark.django_db
def test_loads_items_in_lithuanian_and_english(tmp_path):
    load(write_seed_tree(tmp_path))
    lithuanian = ItemPage.objects.get(inventory_number="T-001", locale__language_code="lt")
    english = ItemPage.objects.get(inventory_number="T-001", locale__language_code="en")
    assert (lithuanian.title, english.title) == ("Vitražas T-001", "Stained glass T-001")
    assert lithuanian.live and english.live
    assert (lithuanian.year_earliest, lithuanian.year_latest, english.date_text) == (1933, 1937, "c. 1935")
    assert lithuanian.rights == "http://rightsstatements.org/vocab/InC-EDU/1.0/"
    assert lithuanian.images.get().image.width == 80


@pytest.mark.django_db
def test_related_items_point_within_the_same_language(tmp_path):
    load(write_seed_tree(tmp_path))
    english = ItemPage.objects.get(inventory_number="T-002", locale__language_code="en")
    assert [page.inventory_number for page in english.related_items.all()] == ["T-001"]
    assert english.related_items.get().locale.language_code == "en"


@pytest.mark.django_db
def test_second_run_updates_and_never_duplicates(tmp_path):
    folder = write_seed_tree(tmp_path)
    load(folder)
    before = snapshot()
    assert "2 unchanged" in load(folder)
    assert snapshot() == before
    write_seed_tree(tmp_path, items=[item("T-001", title={"lt": "Naujas pavadinimas"}), item("T-002")])
    load(folder)
    assert ItemPage.objects.filter(inventory_number="T-001").count() == 2
    assert ItemPage.objects.get(inventory_number="T-001", locale__language_code="lt").title == "Naujas pavadinimas"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("bad_record", "expected"),
    [
        (item("T-003", title=None), "record 3 (T-003): title: is required"),
        (
            item("T-003", date={"text": "1950-1940", "earliest": 1950, "latest": 1940}),
            "record 3 (T-003): date: bad year range: earliest 1950 is after latest 1940",
        ),
        (
            item("T-003", rights="http://example.org/my-licence"),
            "record 3 (T-003): rights: unknown rights URI 'http://example.org/my-licence'",
        ),
        (item("T-001"), "record 3 (T-001): inventory_number: duplicate inventory number 'T-001'"),
        (item("T-003", place="nowhere"), "record 3 (T-003): place: unknown place key 'nowhere'"),
        (
            item("T-003", notes=[{"image": 1, "region": "40,30,50,10", "note": {"lt": "Per plati"}}]),
            "record 3 (T-003): notes[1].region: the region 40,30,50,10 reaches outside the image (80 × 60 px)",
        ),
        (
            item("T-003", notes=[{"image": 2, "region": "0,0,10,10", "note": {"lt": "Nėra"}}]),
            "record 3 (T-003): notes[1].image: must be the number of one of the record's 1 image(s)",
        ),
    ],
    ids=[
        "missing-field",
        "bad-year-range",
        "unknown-rights",
        "duplicate-inventory",
        "unknown-place",
        "note-outside-image",
        "note-on-missing-image",
    ],
)
def test_bad_record_is_reported_precisely_and_nothing_is_loaded(tmp_path, bad_record, expected):
    good = write_seed_tree(tmp_path / "good")
    load(good)
    before = snapshot()
    bad = write_seed_tree(tmp_path / "bad", items=[item("T-001", title={"lt": "Pakeista"}), item("T-002"), bad_record])
    message = failed_load(bad)
    assert f"{bad / 'vitrazai' / 'items.yaml'}: {expected}" in message
    assert "nothing was loaded" in message
    assert snapshot() == before


@pytest.mark.django_db
def test_notes_on_details_load_in_each_language(tmp_path):
    note = {"image": 1, "region": " 10,10, 20,20", "note": {"lt": "Signatūra", "en": "Signature"}}
    load(write_seed_tree(tmp_path, items=[item("T-001", notes=[note])]))
    notes = {
        page.locale.language_code: list(page.detail_notes.values_list("image_number", "region", "note"))
        for page in ItemPage.objects.filter(inventory_number="T-001")
    }
    assert notes == {"lt": [(1, "10,10,20,20", "Signatūra")], "en": [(1, "10,10,20,20", "Signature")]}


@pytest.mark.django_db
def test_broken_image_file_is_refused_with_its_path(tmp_path):
    folder = write_seed_tree(tmp_path)
    broken = folder / "vitrazai" / "images" / "T-002-1.jpg"
    broken.write_bytes(broken.read_bytes()[:200])
    message = failed_load(folder)
    assert "record 2 (T-002): images[1].file: broken image" in message
    assert str(broken) in message
    assert snapshot() == (0, 0, 0, [])


@pytest.mark.django_db
def test_unreadable_yaml_names_the_file_and_line(tmp_path):
    folder = write_seed_tree(tmp_path)
    (folder / "places.yaml").write_text("places:\n  - key: [unclosed\n", encoding="utf-8")
    message = failed_load(folder)
    assert f"{folder / 'places.yaml'}: not valid YAML at line" in message


@pytest.mark.django_db
def test_years_are_read_from_date_text_when_not_given(tmp_path):
    load(
        write_seed_tree(
            tmp_path,
            items=[
                item("T-001", date={"text": "XX a. 4-asis dešimtmetis"}),
                item("T-002", date={"text": "nedatuota", "text_en": "undated"}),
            ],
        )
    )
    decade = ItemPage.objects.get(inventory_number="T-001", locale__language_code="lt")
    undated = ItemPage.objects.get(inventory_number="T-002", locale__language_code="lt")
    assert (decade.year_earliest, decade.year_latest) == (1930, 1939)
    assert (undated.year_earliest, undated.year_latest) == (None, None)


@pytest.mark.django_db
def test_date_text_the_parser_does_not_know_is_a_problem(tmp_path):
    message = failed_load(write_seed_tree(tmp_path, items=[item("T-001", date={"text": "kažkada seniai"})]))
    assert "record 1 (T-001): date.text: 'kažkada seniai' is not a date phrase" in message
