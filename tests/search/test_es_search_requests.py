"""A search is two requests (es_query.py): the page of hits, and the total with the facets. Together they
answer as one request over all hits would, and the counting one is served from the request cache."""

import pytest

from search.backends.es_query import UNDATED, facets_body, filter_clauses, search_body, text_clause
from search.indexing import sync_changes
from search.query import SearchQuery
from tests.search.catalogue import build_catalogue

pytestmark = pytest.mark.service

QUERIES = [
    {},
    {"text": "langas"},
    {"text": "portretas"},
    {"filters": {"collection": ("fotografijos",)}},
    {"text": "uostas", "year_from": 1900, "year_to": 1950},
    {"undated": True},
    {"sort": "title", "page": 2, "per_page": 2},
]


def reference_count(backend, query: SearchQuery, *extra: dict) -> int:
    """Hits of the query, counted plainly by Elasticsearch (one request, its own total)."""
    must = [text_clause(query.text, query.language)] if query.text else []
    body = {
        "query": {"bool": {"must": must, "filter": [*filter_clauses(query), *extra]}},
        "size": 0,
        "track_total_hits": True,
    }
    return backend.client.search(index=backend.alias, body=body)["hits"]["total"]["value"]


@pytest.fixture
def indexed(elasticsearch, home):
    build_catalogue(home)
    sync_changes()
    return elasticsearch


@pytest.mark.parametrize("fields", QUERIES)
def test_total_undated_and_facets_are_those_of_all_hits(indexed, fields):
    query = SearchQuery(**fields)
    results = indexed.search(query)
    assert results.count == reference_count(indexed, query)
    assert results.undated == reference_count(indexed, query, UNDATED)
    for facet, counts in results.facets.items():
        field = {"collection": "collection_key", "century": "centuries", "state": "work_status"}.get(facet)
        for count in counts if field else []:
            assert count.count == reference_count(indexed, query, {"term": {field: count.value}})


def test_the_page_of_hits_is_that_of_the_whole_sorted_list(indexed):
    everything = indexed.search(SearchQuery(sort="title", per_page=50))
    page = indexed.search(SearchQuery(sort="title", page=2, per_page=2))
    assert [hit.page_id for hit in page.hits] == [hit.page_id for hit in everything.hits][2:4]
    assert page.count == everything.count


def test_the_hits_request_counts_nothing_and_the_counting_one_is_cacheable():
    query = SearchQuery(text="langas", filters={"century": ("20",)})
    hits, counted = search_body(query), facets_body(query)
    assert "aggs" not in hits and hits["track_total_hits"] is False and hits["_source"] is False
    # Elasticsearch caches only requests without hits; scores would be wasted work there.
    assert counted["size"] == 0 and "must" not in counted["query"]["bool"] and "highlight" not in counted


def test_a_repeated_search_takes_its_counts_from_the_request_cache(indexed):
    def cache_hits() -> int:
        stats = indexed.client.indices.stats(index=indexed.alias, metric="request_cache")
        return stats["_all"]["total"]["request_cache"]["hit_count"]

    query = SearchQuery(text="langas")
    first = indexed.search(query)
    before = cache_hits()
    again = indexed.search(query)
    assert cache_hits() == before + 1
    assert (again.count, again.facets, again.undated) == (first.count, first.facets, first.undated)
