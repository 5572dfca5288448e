import dataclasses
import json
import re
from datetime import date

import bibtexparser
import pytest

from archive.records.citations import CITATION_FORMATS, bibtex_citation, csl_data, ris_citation
from archive.records.record import ItemRecord, item_record

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
    assert fields["author"] == "Jonas Pavyzdėlis and {Vitražų dirbtuvė}"
    # "apie 1935 m." stored as 1933-1937: the year the curator wrote, and EDTF's approximate form for biblatex.
    assert fields["year"] == "1935" and fields["date"] == "1935~"
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
    assert "AU  - Jonas Pavyzdėlis" in lines and "AU  - Vitražų dirbtuvė" in lines
    assert "AN  - KLAVB-V-001" in lines and "PY  - 1935" in lines
    assert "AB  - Spalvotas stiklas. Antra pastraipa." in lines


@pytest.mark.django_db
def test_csl_json_has_the_required_fields(record):
    data = csl_data(record, ACCESSED)
    assert isinstance(data["id"], str) and data["id"]
    assert data["type"] in CSL_TYPES
    assert data["title"] == record.title
    assert data["issued"] == {"date-parts": [[1935]], "circa": True}
    assert data["accessed"] == {"date-parts": [[2025, 3, 14]]}
    assert data["author"] == [{"literal": "Jonas Pavyzdėlis"}, {"literal": "Vitražų dirbtuvė"}]


def test_csl_json_of_an_undated_item_has_no_date_parts():
    record = ItemRecord(inventory_number="X-1", language="lt", title="Be datos", rights="", date_text="XX a.")
    assert csl_data(record, ACCESSED)["issued"] == {"literal": "XX a."}


@pytest.mark.django_db
def test_plain_citation_names_creators_title_inventory_and_link(record):
    text = CITATION_FORMATS["txt"].render(record, ACCESSED)
    assert text.startswith("Jonas Pavyzdėlis, Vitražų dirbtuvė. Langas")
    assert "KLAVB-V-001" in text and "http://127.0.0.1:8000/item/KLAVB-V-001/" in text


@pytest.mark.django_db
@pytest.mark.parametrize("fmt, media_type", [("txt", "text/plain"), ("bib", "application/x-bibtex"),
                                             ("ris", "application/x-research-info-systems"),
                                             ("json", "application/vnd.citationstyles.csl+json")])
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


@pytest.mark.parametrize("text, earliest, latest, year, edtf", [
    ("1935 m.", 1935, 1935, "1935", "1935"),
    ("1930-1939", 1930, 1939, "1930--1939", "193X"),
    ("XX a.", 1900, 1999, "1900--1999", "19XX"),
    ("XIX a. pab.", 1867, 1899, "1867--1899", "1867/1899"),
    ("1935?", 1930, 1940, "1935", "1935?"),
])
def test_bibtex_years_follow_what_the_curator_wrote(text, earliest, latest, year, edtf):
    record = ItemRecord(inventory_number="X-1", language="lt", title="T", rights="", date_text=text,
                        year_earliest=earliest, year_latest=latest)
    fields = {field.key: field.value for field in bibtexparser.parse_string(
        bibtex_citation(record, ACCESSED)).entries[0].fields}
    assert (fields["year"], fields["date"]) == (year, edtf)
