"""Parsing the URL into a SearchQuery, and the century arithmetic facets rely on."""

from django.http import QueryDict

from search.backends.es_query import search_body
from search.query import SearchQuery, centuries_between, century_of, parse_query


def parse(query_string: str) -> SearchQuery:
    return parse_query(QueryDict(query_string), "lt")


def test_defaults_sort_by_relevance_with_words_and_by_title_without():
    assert parse("q=langas").sort == "relevance"
    assert parse("").sort == "title"


def test_repeated_facet_values_are_kept_once_and_in_order():
    assert parse("creator=b&creator=a&creator=b").filters == {"creator": ("b", "a")}


def test_bad_numbers_fall_back_to_defaults():
    query = parse("page=-3&from=soon&to=1900&century=x&century=20&sort=up")
    assert (query.page, query.year_from, query.year_to, query.sort) == (1, None, 1900, "title")
    assert query.filters == {"century": ("20",)}


def test_a_reversed_year_range_is_swapped():
    assert (parse("from=1950&to=1900").year_from, parse("from=1950&to=1900").year_to) == (1900, 1950)


def test_centuries_are_counted_from_year_one():
    assert (century_of(1900), century_of(1901), century_of(2000)) == (19, 20, 20)
    assert centuries_between(1890, 1910) == [19, 20]
    assert centuries_between(None, None) == []


def test_the_year_range_filter_is_an_overlap_not_a_containment():
    clauses = search_body(parse("from=1900&to=1950"))["query"]["bool"]["filter"]
    assert {"range": {"year_earliest": {"lte": 1950}}} in clauses
    assert {"range": {"year_latest": {"gte": 1900}}} in clauses


def test_highlighting_is_asked_for_only_with_words():
    assert "highlight" in search_body(parse("q=langas"))
    assert "highlight" not in search_body(parse("place=klaipeda"))
