import csv
import io
import json
import tracemalloc

import pytest

from archive.records.export_formats import COLUMNS, csv_chunks, json_chunks
from archive.records.record import CollectionRecord, CreatorRecord, ItemRecord
from tests.factories import make_collection, make_item


@pytest.fixture
def items(home, collection):
    other = make_collection(home, title="Miestas", slug="miestas")
    return [
        make_item(collection, title="Langas", inventory_number="V-1", year_earliest=1930, year_latest=1939),
        make_item(collection, title="=HYPERLINK(1)", inventory_number="V-2", year_earliest=1960, year_latest=1960),
        make_item(collection, title="Be datos", inventory_number="V-3"),
        make_item(collection, title="Juodraštis", inventory_number="V-4", live=False),
        make_item(other, title="Aikštė", inventory_number="M-1", year_earliest=1925, year_latest=1945),
    ]


def csv_rows(response) -> list[dict]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.django_db
def test_csv_export_streams_every_published_item(client, items):
    response = client.get("/api/export.csv")
    assert response.streaming and response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith("attachment;")
    rows = csv_rows(response)
    assert [row["inventory_number"] for row in rows] == ["V-2", "M-1", "V-3", "V-1"]  # the search's order: titles
    assert list(rows[0]) == list(COLUMNS)
    assert rows[3]["url"] == "http://127.0.0.1:8000/item/V-1/"


@pytest.mark.django_db
def test_csv_export_defuses_spreadsheet_formulas(client, items):
    rows = csv_rows(client.get("/api/export.csv?collection=vitrazai"))
    assert [row["title"] for row in rows if row["inventory_number"] == "V-2"] == ["'=HYPERLINK(1)"]


@pytest.mark.django_db
def test_export_filters_by_collection_and_overlapping_years(client, items):
    rows = csv_rows(client.get("/api/export.csv?collection=vitrazai&from=1935&to=1950"))
    assert [row["inventory_number"] for row in rows] == ["V-1"]
    rows = csv_rows(client.get("/api/export.csv?from=1940"))
    assert sorted(row["inventory_number"] for row in rows) == ["M-1", "V-2"]


@pytest.mark.django_db
def test_export_filters_by_text(client, items):
    rows = csv_rows(client.get("/api/export.csv?q=Langas"))
    assert [row["inventory_number"] for row in rows] == ["V-1"]


@pytest.mark.django_db
def test_json_export_states_its_query_and_counts(client, items):
    response = client.get("/api/export.json?collection=vitrazai")
    data = json.loads(b"".join(response.streaming_content))
    assert data["query"] == {"collection": ["vitrazai"], "language": "lt"}
    assert data["total"] == data["returned"] == 3
    assert [item["inventory_number"] for item in data["items"]] == ["V-2", "V-3", "V-1"]


@pytest.mark.django_db
def test_an_export_larger_than_the_limit_is_refused_saying_how_to_narrow_it(client, items, settings):
    settings.RECORDS_EXPORT_MAX_ROWS = 2
    for fmt in ("json", "csv"):
        response = client.get(f"/api/export.{fmt}")
        body = response.json()
        assert response.status_code == 413 and (body["total"], body["limit"]) == (4, 2)
        assert "finds 4 items" in body["detail"] and "Narrow it" in body["detail"]
    assert len(csv_rows(client.get("/api/export.csv?collection=miestas"))) == 1


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["from=abc", "from=1950&to=1900", "collection=none", "lang=de"])
def test_bad_export_parameters_answer_400(client, items, query):
    response = client.get(f"/api/export.json?{query}")
    assert response.status_code == 400 and "error" in response.json()


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "json"])
@pytest.mark.parametrize(
    "query, parameter, accepted",
    [
        ("from=%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%90", "from", "digits 0-9"),  # ２０２０, fullwidth
        ("to=1e3", "to", "-3000 to 3000"),
        ("from=1950&to=1900", "from", "earlier year first"),
        ("from=1900&from=1950", "from", "give it once"),
        ("collection=none", "collection", "not in the catalogue"),
        ("lang=de", "lang", "lt, en"),
        ("q=" + "x" * 201, "q", "200 characters"),
        ("format=xml", "format", "give only q, lang, collection, creator"),
        ("page=2", "page", "give only q"),
        ("delimiter=pipe", "delimiter", "comma, semicolon, tab"),
    ],
)
def test_an_export_parameter_it_cannot_use_is_a_json_400_naming_it(client, items, fmt, query, parameter, accepted):
    response = client.get(f"/api/export.{fmt}?{query}")
    assert response.status_code == 400 and response["Content-Type"] == "application/json"
    body = response.json()
    assert body["error"] == "invalid_parameter" and body["parameter"] == parameter and accepted in body["detail"]


@pytest.mark.django_db
@pytest.mark.parametrize("text", ['"', 'Langas"', '"Langas', "(Langas)", "Langas*", "Lan\x00gas"])
def test_an_export_searched_with_any_text_still_finds_by_words(client, items, text):
    response = client.get("/api/export.json", {"q": text})
    assert response.status_code == 200
    numbers = [item["inventory_number"] for item in json.loads(b"".join(response.streaming_content))["items"]]
    assert numbers == (["V-1"] if "Langas" in text else [])


def synthetic_records(count: int):
    collection = CollectionRecord("Vitražai", "vitrazai")
    for number in range(count):
        yield ItemRecord(
            inventory_number=f"SYN-{number:05d}",
            language="lt",
            title=f"Vitražas nr. {number}",
            rights="http://creativecommons.org/publicdomain/zero/1.0/",
            date_text="apie 1935 m.",
            year_earliest=1930,
            year_latest=1939,
            collection=collection,
            creators=(CreatorRecord("Jonas Pavyzdėlis", "artist", "dailininkas", True),),
            texts={"description": "Spalvotas stiklas, švino profiliai. " * 20},
        )


@pytest.mark.parametrize("serialise", [csv_chunks, lambda records: json_chunks(records, {"total": 10_000})])
def test_ten_thousand_records_stream_in_flat_memory(serialise):
    """Peak memory stays far below the size of the output, so nothing accumulates while streaming."""
    tracemalloc.start()
    try:
        written = rows = 0
        for chunk in serialise(synthetic_records(10_000)):
            written += len(chunk.encode())
            rows += 1
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert rows >= 10_000
    assert written > 8_000_000
    assert peak < 1_000_000
