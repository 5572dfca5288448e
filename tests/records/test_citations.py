import dataclasses
import json
import re
from datetime import date

import bibtexparser
import pytest
from bibtexparser.middlewares import SeparateCoAuthors, SplitNameParts

from archive.records.citations import CITATION_FORMATS, bibtex_citation, csl_data, ris_citation
from archive.records.record import CreatorRecord, ItemRecord, item_record

ACCESSED = date(2025, 3, 14)
CSL_TYPES = {"graphic", "article", "book", "document", "map", "webpage"}


@pytest.fixture
def record(rich_item) -> ItemRecord:
    return item_record(rich_item)


@pytest.mark.django_db
def test_bibtex_parses_with_a_real_parser(record):
    library = bibtexparser.parse_string(bibtex_citation(record, ACCESSED))
    assert not library.failed_blocks
    (entry,) = library.entries
    assert entry.entry_type == "misc" and entry.key == "klavb-KLAVB-V-001"
    fields = {field.key: field.value for field in entry.fields}
    assert fields["author"] == "Pavyzdėlis, Jonas and {Vitražų dirbtuvė}"
    # "apie 1935 m." stored as 1933-1937: no exact `year`; EDTF's approximate form for biblatex, the text as a note.
    assert "year" not in fields and fields["date"] == "1935~" and fields["note"] == "apie 1935 m."
    assert fields["url"] == "http://127.0.0.1:8000/item/KLAVB-V-001/"
    assert fields["urldate"] == "2025-03-14"


@pytest.mark.django_db
def test_bibtex_escapes_latex_specials_and_braces(record):
    text = bibtex_citation(record, ACCESSED)
    assert r"Langas \& vitražas 100\% \{originalas\}" in text
    assert text.count("{") - text.count(r"\{") == text.count("}") - text.count(r"\}")


@pytest.mark.django_db
def test_ris_has_one_tag_per_line_and_ends_the_record(record):
    text = ris_citation(record, ACCESSED)
    lines = text.split("\r\n")
    assert lines[0] == "TY  - ART" and lines[-2] == "ER  -" and lines[-1] == ""
    assert all(re.match(r"^[A-Z][A-Z0-9]  -( |$)", line) for line in lines[:-1])
    assert "AU  - Pavyzdėlis, Jonas" in lines and "AU  - Vitražų dirbtuvė" in lines
    assert "AN  - KLAVB-V-001" in lines and "N1  - apie 1935 m." in lines
    assert not any(line.startswith("PY") for line in lines)  # "apie 1935 m." is no exact year
    assert "AB  - Spalvotas stiklas. Antra pastraipa." in lines


@pytest.mark.django_db
def test_csl_json_has_the_required_fields(record):
    data = csl_data(record, ACCESSED)
    assert isinstance(data["id"], str) and data["id"]
    assert data["type"] in CSL_TYPES
    assert data["title"] == record.title
    assert data["issued"] == {"date-parts": [[1935]], "circa": True}
    assert data["accessed"] == {"date-parts": [[2025, 3, 14]]}
    assert data["author"] == [{"family": "Pavyzdėlis", "given": "Jonas"}, {"literal": "Vitražų dirbtuvė"}]


def test_csl_json_of_an_undated_item_has_no_date_parts():
    record = ItemRecord(inventory_number="X-1", language="lt", title="Be datos", rights="", date_text="XX a.")
    assert csl_data(record, ACCESSED)["issued"] == {"literal": "XX a."}


@pytest.mark.django_db
def test_plain_citation_names_creators_title_inventory_and_link(record):
    text = CITATION_FORMATS["txt"].render(record, ACCESSED)
    assert text.startswith("Jonas Pavyzdėlis, Vitražų dirbtuvė. Langas")
    assert "KLAVB-V-001" in text and "http://127.0.0.1:8000/item/KLAVB-V-001/" in text


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fmt, media_type",
    [
        ("txt", "text/plain"),
        ("bib", "application/x-bibtex"),
        ("ris", "application/x-research-info-systems"),
        ("json", "application/vnd.citationstyles.csl+json"),
    ],
)
def test_cite_route_serves_each_format(client, rich_item, fmt, media_type):
    response = client.get(f"/item/KLAVB-V-001/cite.{fmt}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith(media_type)
    assert response["Content-Disposition"].startswith("inline")


@pytest.mark.django_db
def test_cite_route_downloads_as_attachment(client, rich_item):
    response = client.get("/item/KLAVB-V-001/cite.json?download=1")
    assert response["Content-Disposition"] == 'attachment; filename="KLAVB-V-001.json"'
    assert json.loads(response.content)[0]["id"] == "klavb-KLAVB-V-001"


@pytest.mark.django_db
def test_cite_route_hides_unpublished_items(client, collection):
    from tests.factories import make_item

    make_item(collection, inventory_number="DRAFT-1", live=False)
    assert client.get("/item/DRAFT-1/cite.bib").status_code == 404


@pytest.mark.django_db
def test_item_page_shows_the_cite_panel_with_all_formats(client, rich_item):
    html = client.get(rich_item.url).content.decode()
    assert 'id="cite-heading"' in html
    for fmt in CITATION_FORMATS:
        assert f"/item/KLAVB-V-001/cite.{fmt}?download=1" in html
        assert f'id="citation-{fmt}"' in html


@pytest.mark.django_db
def test_a_detail_is_cited_under_a_key_of_its_own(record):
    detail = dataclasses.replace(record, detail_path="detail/1/10,20,300,200/")
    item_key = bibtexparser.parse_string(bibtex_citation(record, ACCESSED)).entries[0].key
    detail_key = bibtexparser.parse_string(bibtex_citation(detail, ACCESSED)).entries[0].key
    assert item_key == "klavb-KLAVB-V-001" and detail_key == "klavb-KLAVB-V-001-detail-1-10-20-300-200"
    assert csl_data(detail, ACCESSED)["id"] == detail_key


@pytest.mark.parametrize(
    "text, earliest, latest, year, edtf",
    [
        ("1935 m.", 1935, 1935, "1935", "1935"),
        ("1935 m. gegužės 3 d.", 1935, 1935, "1935", "1935-05-03"),
        ("1930-1939", 1930, 1939, None, "193X"),
        ("XX a.", 1900, 1999, None, "19XX"),
        ("XIX a. pab.", 1867, 1899, None, "1867/1899"),
        ("1935?", 1930, 1940, None, "1935?"),
        ("c. 1935", 1930, 1940, None, "1935~"),
        ("apie 1935 m.", 1933, 1938, None, "1933/1938"),
    ],
)
def test_bibtex_gives_a_year_only_when_it_is_exact(text, earliest, latest, year, edtf):
    """A fuzzy date keeps its EDTF reading in `date` and its text in `note`: classic BibTeX styles print the
    note, never a year the curator did not write."""
    record = ItemRecord(
        inventory_number="X-1",
        language="lt",
        title="T",
        rights="",
        date_text=text,
        year_earliest=earliest,
        year_latest=latest,
    )
    fields = {
        field.key: field.value
        for field in bibtexparser.parse_string(bibtex_citation(record, ACCESSED)).entries[0].fields
    }
    assert (fields.get("year"), fields["date"], fields["note"]) == (year, edtf, text)
    ris = ris_citation(record, ACCESSED).split("\r\n")
    py = [line for line in ris if line.startswith("PY")]
    assert py == ([f"PY  - {year}"] if year else [])
    # Without an exact year, RIS's DA gives reference managers a year to file it under and keeps the text.
    da = [line for line in ris if line.startswith("DA")]
    expected_year = 1935 if edtf in ("1935~", "1935?") else earliest  # the central year, else the start
    assert da == ([] if year else [f"DA  - {expected_year}///{text}"])


def bibtex_names(record: ItemRecord) -> list[tuple[str, str, str]]:
    """The authors as a real BibTeX name parser splits them: (von, last, first)."""
    library = bibtexparser.parse_string(
        bibtex_citation(record, ACCESSED), append_middleware=[SeparateCoAuthors(), SplitNameParts()]
    )
    return [(" ".join(name.von), " ".join(name.last), " ".join(name.first)) for name in library.entries[0]["author"]]


@pytest.mark.parametrize(
    "name, is_person, last, first, csl",
    [
        ("Jonas Pavyzdėlis", True, "Pavyzdėlis", "Jonas", {"family": "Pavyzdėlis", "given": "Jonas"}),
        (
            "Jonas Antanas Pavyzdėlis",
            True,
            "Pavyzdėlis",
            "Jonas Antanas",
            {"family": "Pavyzdėlis", "given": "Jonas Antanas"},
        ),
        (
            "Aldona Pavyzdienė (pavyzdys)",
            True,
            "{Pavyzdienė (pavyzdys)}",
            "Aldona",
            {"family": "Pavyzdienė (pavyzdys)", "given": "Aldona"},
        ),
        ("Pavyzdėlis, Jonas", True, "Pavyzdėlis", "Jonas", {"family": "Pavyzdėlis", "given": "Jonas"}),
        # A school entered as a person (the import's default kind): no name BibTeX could invert.
        ("Klaipėdos dailės mokykla", True, "{Klaipėdos dailės mokykla}", "", {"literal": "Klaipėdos dailės mokykla"}),
        (
            "Pavyzdinė vitražų dirbtuvė A",
            False,
            "{Pavyzdinė vitražų dirbtuvė A}",
            "",
            {"literal": "Pavyzdinė vitražų dirbtuvė A"},
        ),
        ("Nežinomas autorius", False, "{Nežinomas autorius}", "", {"literal": "Nežinomas autorius"}),
    ],
)
def test_names_are_given_as_family_and_given_or_as_one_literal(name, is_person, last, first, csl):
    record = ItemRecord(
        inventory_number="X-1",
        language="lt",
        title="T",
        rights="",
        creators=(CreatorRecord(name, "artist", "", is_person),),
    )
    assert bibtex_names(record) == [("", last, first)]
    ris_family_first = f"{csl['family']}, {csl['given']}" if "family" in csl else csl["literal"]
    assert f"AU  - {ris_family_first}\r\n" in ris_citation(record, ACCESSED)
    assert csl_data(record, ACCESSED)["author"] == [csl]


@pytest.mark.parametrize(
    "address, building, town",
    [
        ("Turgaus a., Klaipėda", "", "Klaipėda"),
        ("Teatro g. 2, Klaipėda", "Dramos teatro pastatas", "Klaipėda"),
        ("Liepų g. 16, LT-92138 Klaipėda", "", "Klaipėda"),
        ("Turgaus g. 1", "", ""),
        ("", "", ""),
    ],
)
@pytest.mark.django_db
def test_the_city_of_a_citation_is_the_places_town_never_a_street(collection, address, building, town):
    from archive.vocabularies.models import Place
    from tests.factories import make_item

    place = Place.objects.create(key="p", name="Turgaus aikštė", address=address, building=building)
    record = item_record(make_item(collection, inventory_number="X-2", place=place))
    ris = ris_citation(record, ACCESSED).split("\r\n")
    csl = csl_data(record, ACCESSED)
    bib = bibtex_citation(record, ACCESSED)
    assert [line for line in ris if line.startswith("CY")] == ([f"CY  - {town}"] if town else [])
    assert csl.get("publisher-place") == (town or None) and "archive-place" not in csl
    assert "Turgaus" not in bib and all("Turgaus" not in str(value) for value in csl.values())
    assert (f"address = {{{town}}}" in bib) == bool(town)
