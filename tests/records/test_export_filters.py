"""The exports take the search's filters and hold exactly the items the search finds, every page of them, on
both search backends; the search page links to them; a search larger than an export holds is refused."""

import csv
import io
import json
import uuid

import pytest
from django.conf import settings as django_settings

from archive.catalogue.models import ItemPage
from search.backends.elasticsearch import ElasticsearchBackend
from search.indexing import sync_changes
from search.query import MAX_HITS
from tests.factories import make_item
from tests.search.catalogue import build_catalogue


@pytest.fixture(scope="module")
def elasticsearch_prefix():
    """One index prefix for this module, removed at its end; skips when no node answers."""
    from elasticsearch import Elasticsearch

    try:
        Elasticsearch(django_settings.ELASTICSEARCH_URL, request_timeout=3, max_retries=0).cluster.health(
            wait_for_status="yellow", timeout="3s"
        )
    except Exception as error:  # any failure means the same here: no usable node
        pytest.skip(
            f"Elasticsearch is not reachable at {django_settings.ELASTICSEARCH_URL} "
            f"(start it with scripts/elasticsearch.sh start): {error.__class__.__name__}"
        )
    prefix = f"test-export-{uuid.uuid4().hex[:8]}"
    yield prefix
    ElasticsearchBackend(index_prefix=prefix).delete_all()


@pytest.fixture(params=["database", pytest.param("elasticsearch", marks=pytest.mark.service)])
def backend(request, db, settings):
    settings.SEARCH_BACKEND = request.param
    if request.param == "elasticsearch":
        settings.SEARCH_INDEX_PREFIX = request.getfixturevalue("elasticsearch_prefix")
        settings.SEARCH_REFRESH_ON_WRITE = True
        ElasticsearchBackend().delete_all()  # page ids are reused after each test's rollback
    return request.param


@pytest.fixture
def catalogue(home, backend):
    built = build_catalogue(home)
    glass = built.herb.techniques.first()
    # Enough 1930s stained glass for several search pages (20 a page), and 1930s photographs beside them.
    for number in range(45):
        make_item(
            built.stained,
            title=f"Langas nr. {number}",
            inventory_number=f"KLAVB-V-{100 + number}",
            techniques=[glass],
            year_earliest=1930 + number % 10,
            year_latest=1930 + number % 10,
        )
    for number in range(5):
        make_item(
            built.photos,
            title=f"Nuotrauka nr. {number}",
            inventory_number=f"KLAVB-F-{100 + number}",
            techniques=[built.harbour.techniques.first()],
            year_earliest=1933,
            year_latest=1933,
        )
    sync_changes()
    return built


def search_ids(client, query: str) -> list[int]:
    """Every hit of the search API, page by page."""
    ids, page = [], 1
    while True:
        answer = client.get(f"/api/search/?{query}&page={page}").json()
        ids += [result["id"] for result in answer["results"]]
        if page >= answer["num_pages"]:
            return ids
        page += 1


def export_numbers(client, query: str) -> list[str]:
    response = client.get(f"/api/export.json?{query}")
    assert response.status_code == 200, response.content
    return [item["inventory_number"] for item in json.loads(b"".join(response.streaming_content))["items"]]


def numbers_of(ids: list[int]) -> list[str]:
    by_id = ItemPage.objects.in_bulk(ids)
    return [by_id[pk].inventory_number for pk in ids]


@pytest.mark.parametrize(
    "query",
    [
        "decade=1930&technique=vitrazas",
        "decade=1930&technique=vitrazas&sort=-date",
        "q=1930s&collection=fotografijos",
        "q=langas&from=1935",
        "q=tarpukaris",
        "century=20&state=lost",
    ],
)
def test_the_export_holds_exactly_the_search_hits_in_its_order(client, catalogue, query):
    hits = search_ids(client, query)
    assert len(hits) == len(set(hits))
    assert export_numbers(client, query) == numbers_of(hits)


def test_the_decade_and_technique_export_spans_every_page_of_the_search(client, catalogue):
    hits = search_ids(client, "decade=1930&technique=vitrazas")
    assert len(hits) == 46  # the herb window and 45 windows: three pages of the search
    csv_response = client.get("/api/export.csv?decade=1930&technique=vitrazas")
    rows = list(csv.DictReader(io.StringIO(b"".join(csv_response.streaming_content).decode("utf-8-sig"))))
    assert [row["inventory_number"] for row in rows] == numbers_of(hits)
    assert csv_response["X-Export-Total"] == "46"


def test_a_semicolon_csv_for_a_lithuanian_spreadsheet(client, catalogue):
    response = client.get("/api/export.csv?q=Uosto&delimiter=semicolon")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    header, row = text.splitlines()[:2]
    assert header.startswith("inventory_number;title;") and row.startswith("KLAVB-F-010;Uosto panorama;")
    assert list(csv.DictReader(io.StringIO(text), delimiter=";"))[0]["title"] == "Uosto panorama"


def test_a_search_larger_than_an_export_is_refused_with_how_to_narrow_it(client, catalogue, settings):
    settings.RECORDS_EXPORT_MAX_ROWS = 40
    response = client.get("/api/export.csv?decade=1930")
    assert response.status_code == 413 and response["Content-Type"] == "application/json"
    body = response.json()
    assert body["error"] == "too_many_items" and (body["total"], body["limit"]) == (51, 40)
    assert "Narrow it" in body["detail"]
    assert client.get("/api/export.csv?decade=1930&collection=fotografijos").status_code == 200


@pytest.mark.django_db
def test_an_export_never_holds_more_than_a_search_reaches(settings):
    from archive.records.export_query import export_limit

    settings.RECORDS_EXPORT_MAX_ROWS = 50_000
    assert export_limit() == MAX_HITS


@pytest.mark.parametrize(
    "path, text, label",
    [
        ("/search/", "1930s", "Eksportuoti:"),
        ("/en/search/", "1890s", "Export:"),
    ],
)
def test_the_search_page_links_to_the_export_of_its_query_and_filters(client, catalogue, path, text, label):
    html = client.get(path, {"q": text, "technique": "vitrazas", "page": "2"}).content.decode()
    assert label in html
    language = "en" if path.startswith("/en/") else "lt"
    query = f"q={text}&technique=vitrazas&lang={language}"
    for fmt, extra in (("csv", ""), ("csv", "&delimiter=semicolon"), ("json", "")):
        assert f'href="/api/export.{fmt}?{query}{extra}"'.replace("&", "&amp;") in html
    assert export_numbers(client, query) == numbers_of(search_ids(client, query))
    assert export_numbers(client, query)  # the English page finds the English window of the 1890s
