"""Parsing the URL into a SearchQuery, and the century arithmetic facets rely on."""

import pytest
from django.http import QueryDict

from archive.catalogue.models import years_from_text
from search.backends.es_query import search_body
from search.parameters import Reading, parse_search
from search.query import SearchQuery, centuries_between, century_of, decades_between

pytestmark = pytest.mark.django_db  # dates in `q`, `from` and `to` are read with the named periods of the database


def reading(query_string: str) -> Reading:
    return parse_search(QueryDict(query_string), "lt")


def parse(query_string: str) -> SearchQuery:
    return reading(query_string).query


def refused(query_string: str) -> list[str]:
    return [problem.parameter for problem in reading(query_string).problems]


def test_defaults_sort_by_relevance_with_words_and_by_title_without():
    assert parse("q=langas").sort == "relevance"
    assert parse("").sort == "title"


def test_repeated_facet_values_are_kept_once_and_in_order():
    assert parse("creator=b&creator=a&creator=b").filters == {"creator": ("b", "a")}


def test_bad_numbers_fall_back_to_defaults_and_are_named():
    query = parse("page=-3&from=soon&to=1900&century=x&century=20&sort=up")
    assert (query.page, query.year_from, query.year_to, query.sort) == (1, None, 1900, "title")
    assert query.filters == {"century": ("20",)}
    assert refused("page=-3&from=soon&to=1900&century=x&century=20&sort=up") == ["century", "from", "sort", "page"]


def test_only_ascii_digits_are_numbers():
    query_string = "from=２０２０&to=1_950&page=２&century=٢٠&decade=１９３０&century=" + "1" * 5000
    query = parse(query_string)
    assert (query.year_from, query.year_to, query.page, query.filters) == (None, None, 1, {})
    assert refused(query_string) == ["century", "century", "decade", "from", "to", "page"]


def test_empty_values_are_not_given_and_not_refused():
    assert refused("q=&from=&to=&page=&sort=&undated=&creator=") == []
    assert parse("q=&from=&to=").has_criteria is False


def test_a_single_valued_parameter_given_twice_is_named_and_the_last_one_used():
    assert parse("from=1900&from=1950").year_from == 1950
    assert refused("from=1900&from=1950") == ["from"]


def test_the_text_loses_control_characters_and_is_shortened_past_the_limit():
    assert parse("q=vitra%00%C5%BEas%01%0A%20langas").text == "vitra žas langas"
    long = reading("q=" + "ab " * 100)
    assert len(long.query.text) <= 200 and [problem.parameter for problem in long.problems] == ["q"]


def test_decades_and_states_that_do_not_exist_are_dropped():
    query = parse(
        "decade=1930&decade=1935&decade=abc&decade=-10&decade=1930&decade=01940&decade=9990"
        "&state=lost&state=destroyed&state=LOST&state=survives"
    )
    assert query.filters == {"decade": ("1930", "1940"), "state": ("lost", "survives")}
    assert refused("decade=1935&decade=abc&state=destroyed&state=LOST") == ["decade", "decade", "state", "state"]


def test_undated_is_asked_for_by_a_true_value_only():
    assert parse("undated=1").undated and parse("undated=true").undated and parse("undated=on").undated
    assert not parse("undated=0").undated and not parse("undated=").undated and not parse("").undated
    assert parse("undated=1").has_criteria


def test_a_reversed_year_range_is_swapped_and_named():
    assert (parse("from=1950&to=1900").year_from, parse("from=1950&to=1900").year_to) == (1900, 1950)
    assert refused("from=1950&to=1900") == ["from"]


def test_centuries_are_counted_as_the_date_parser_reads_them(db):
    assert (century_of(1899), century_of(1900), century_of(1999), century_of(2000)) == (19, 20, 20, 21)
    assert centuries_between(*years_from_text("XIX a.")) == [19]
    assert centuries_between(*years_from_text("XX a. pradžia")) == [20]
    assert centuries_between(1890, 1910) == [19, 20]
    assert centuries_between(None, None) == []


def test_decades_are_the_ones_a_range_touches_named_by_their_first_year():
    assert decades_between(1890, 1910) == [1890, 1900, 1910]
    assert decades_between(1930, 1939) == [1930]
    assert decades_between(1800, 1899) == list(range(1800, 1900, 10))  # "XIX a.": ten decades
    assert decades_between(None, None) == []


def test_a_range_longer_than_two_centuries_is_in_no_decade():
    assert len(decades_between(1800, 1999)) == 20
    assert decades_between(1800, 2000) == []


def test_the_undated_filter_asks_for_items_without_years():
    clauses = search_body(parse("undated=1"))["query"]["bool"]["filter"]
    assert {"bool": {"must_not": [{"exists": {"field": "year_earliest"}}]}} in clauses[-1]["bool"]["should"]


def test_the_year_range_filter_is_an_overlap_not_a_containment():
    clauses = search_body(parse("from=1900&to=1950"))["query"]["bool"]["filter"]
    assert {"range": {"year_earliest": {"lte": 1950}}} in clauses
    assert {"range": {"year_latest": {"gte": 1900}}} in clauses


def test_highlighting_is_asked_for_only_with_words():
    assert "highlight" in search_body(parse("q=langas"))
    assert "highlight" not in search_body(parse("place=klaipeda"))
