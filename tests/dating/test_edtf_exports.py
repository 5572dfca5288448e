"""The reading as EDTF in the exports (CSV, JSON), the schema.org record and EDM's dcterms:created."""

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest

from archive.oai.metadata.edm import DCTERMS, render
from archive.records.export_formats import COLUMNS, export_row
from archive.records.record import ItemRecord
from archive.records.structured_data import json_ld
from tests.factories import make_item

DATES = [
    # text, earliest, latest, EDTF, schema.org dateCreated (ISO 8601)
    ("apie 1935 m.", 1930, 1940, "1935~", "1930/1940"),
    ("XX a. 4-asis dešimtmetis", 1930, 1939, "193X", "1930/1939"),
    ("1935 m. gegužės 3 d.", 1935, 1935, "1935-05-03", "1935-05-03"),
    ("May–June 1935", 1935, 1935, "1935-05/1935-06", "1935-05/1935-06"),
    ("1944–1945 m. žiema", 1944, 1945, "1944-12/1945-02", "1944-12/1945-02"),
    ("tarpukaris", 1918, 1939, "1918/1939", "1918/1939"),
]


def record(text: str, earliest: int | None, latest: int | None) -> ItemRecord:
    return ItemRecord(
        inventory_number="X-1",
        language="lt",
        title="T",
        rights="",
        date_text=text,
        year_earliest=earliest,
        year_latest=latest,
    )


@pytest.mark.parametrize(("text", "earliest", "latest", "edtf", "iso"), DATES, ids=[row[0] for row in DATES])
def test_every_output_carries_the_reading(text, earliest, latest, edtf, iso):
    dated = record(text, earliest, latest)
    assert export_row(dated)["date_edtf"] == edtf
    assert json_ld(dated)["dateCreated"] == iso
    created = render({"lt": dated}).find(f".//{{{DCTERMS}}}created")
    assert created is not None and created.text == edtf


def test_an_undated_item_has_no_date_anywhere():
    undated = record("nedatuota", None, None)
    assert export_row(undated)["date_edtf"] == ""
    assert "dateCreated" not in json_ld(undated)
    assert render({"lt": undated}).find(f".//{{{DCTERMS}}}created") is None


@pytest.mark.django_db
def test_the_csv_and_json_exports_have_a_date_edtf(client, collection):
    make_item(
        collection,
        title="Langas",
        inventory_number="V-1",
        date_text="3–10 May 1935",
        year_earliest=1935,
        year_latest=1935,
    )
    text = b"".join(client.get("/api/export.csv").streaming_content).decode("utf-8-sig")
    (row,) = csv.DictReader(io.StringIO(text))
    assert "date_edtf" in COLUMNS and row["date_edtf"] == "1935-05-03/1935-05-10"
    (item,) = json.loads(b"".join(client.get("/api/export.json").streaming_content))["items"]
    assert item["date_edtf"] == "1935-05-03/1935-05-10"


@pytest.mark.django_db
def test_the_harvested_edm_record_has_the_edtf(client, collection):
    item = make_item(
        collection,
        title="Langas",
        inventory_number="V-1",
        date_text="apie 1935 m.",
        year_earliest=1930,
        year_latest=1940,
        live=False,
    )
    item.save_revision().publish()  # as editors publish: the OAI change log hears of it
    response = client.get("/oai", {"verb": "GetRecord", "metadataPrefix": "edm", "identifier": oai_identifier(client)})
    created = ET.fromstring(response.content).find(f".//{{{DCTERMS}}}created")
    assert created is not None and created.text == "1935~"


def oai_identifier(client) -> str:
    """The identifier the repository itself lists (its form is the OAI helper's to decide)."""
    listing = ET.fromstring(client.get("/oai", {"verb": "ListIdentifiers", "metadataPrefix": "edm"}).content)
    (identifier,) = [element.text for element in listing.iter("{http://www.openarchives.org/OAI/2.0/}identifier")]
    return identifier
