import pytest
from wagtail.models import Locale

from archive.catalogue.models import ItemPage, WorkEvent
from archive.vocabularies.models import Place, PlaceName
from tests.catalogue.seed_tree import item, write, write_seed_tree
from tests.catalogue.test_load_collections import failed_load, load


def add_street_names(root):
    write(root / "places.yaml", {"places": [{
        "key": "sample-church", "name": "Turgaus gatvė", "latitude": 55.709, "longitude": 21.133,
        "status": "altered",
        "names": [
            {"name": "Marktstraße", "language": "de", "to": 1945, "era": "Memel"},
            {"name": "Komjaunimo gatvė", "language": "lt", "from": 1950, "to": 1990, "era": "sovietmetis"},
        ],
    }]})


@pytest.mark.django_db
def test_street_found_by_its_old_german_name(tmp_path):
    root = write_seed_tree(tmp_path, items=[item("T-001", date={"text": "1936 m."}), item("T-002", place=None)])
    add_street_names(root)
    load(root)
    lithuanian = Locale.objects.get(language_code="lt")
    found = ItemPage.objects.live().filter(locale=lithuanian).search("Marktstraße")
    assert [page.inventory_number for page in found] == ["T-001"]


@pytest.mark.django_db
def test_item_page_shows_the_name_of_its_time_beside_todays(client, tmp_path):
    root = write_seed_tree(tmp_path, items=[item("T-001", date={"text": "1936 m."})])
    add_street_names(root)
    load(root)
    page = ItemPage.objects.get(inventory_number="T-001", locale__language_code="lt")
    html = client.get(page.url).content.decode()
    assert "Turgaus gatvė" in html
    assert "Marktstraße" in html
    assert "Komjaunimo" not in html


def test_name_in_picks_the_name_covering_most_of_the_range():
    place = Place(name="Turgaus gatvė")
    place.historic_names = [PlaceName(name="Marktstraße", language="de", to_year=1945),
                            PlaceName(name="Komjaunimo gatvė", language="lt", from_year=1950, to_year=1990)]
    assert place.name_in(1960, 1965).name == "Komjaunimo gatvė"
    assert place.name_in(1930, 1939).name == "Marktstraße"
    assert place.name_in(None, None) is None


@pytest.mark.django_db
def test_destroyed_work_shows_its_history_and_is_lost(client, tmp_path):
    life = [
        {"event": "created", "date": "1936 m.", "source": "Statybos byla (pavyzdys)"},
        {"event": "painted_over", "date": "sovietmetis"},
        {"event": "destroyed", "date": "1968 m.", "note": "Pastatas nugriautas."},
    ]
    load(write_seed_tree(tmp_path, items=[item("T-001", life=life)]))
    page = ItemPage.objects.get(inventory_number="T-001", locale__language_code="lt")
    assert page.work_status == "lost"
    assert [event.kind for event in page.timeline()] == ["created", "painted_over", "destroyed"]
    html = client.get(page.url).content.decode()
    assert html.index("1936 m.") < html.index("sovietmetis") < html.index("1968 m.")
    assert "Pastatas nugriautas." in html


@pytest.mark.django_db
def test_lost_works_can_be_filtered(tmp_path):
    load(write_seed_tree(tmp_path, items=[
        item("T-001", life=[{"event": "created", "date": "1936 m."}, {"event": "destroyed", "date": "1944 m."}]),
        item("T-002", life=[{"event": "created", "date": "1936 m."}, {"event": "restored", "date": "2005 m."}]),
    ]))
    lost = ItemPage.objects.filter(work_status="lost", locale__language_code="lt")
    assert [page.inventory_number for page in lost] == ["T-001"]
    survives = ItemPage.objects.get(inventory_number="T-002", locale__language_code="lt")
    assert survives.work_status == "survives"


def test_status_follows_the_latest_dated_event_not_the_order_typed():
    from archive.catalogue.models import status_after

    events = [WorkEvent(kind="destroyed", year_earliest=1944, sort_order=0),
              WorkEvent(kind="created", year_earliest=1936, sort_order=1)]
    assert status_after(events) == "lost"


@pytest.mark.django_db
def test_unknown_event_kind_and_bad_event_date_are_reported(tmp_path):
    message = failed_load(write_seed_tree(tmp_path, items=[
        item("T-001", life=[{"event": "burnt", "date": "1944 m."}, {"event": "moved", "date": "kažkada"}]),
    ]))
    assert "record 1 (T-001): life[1].event: must be one of" in message
    assert "record 1 (T-001): life[2].date: 'kažkada' is not a date phrase" in message
