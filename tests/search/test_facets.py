"""Facet values made readable: labels in the language of the search, values in an order that reads well."""

import pytest
from django.utils import translation

from search.facets import labelled_facets, undated_value
from search.query import SearchQuery
from search.results import FacetCount

pytestmark = pytest.mark.django_db


def facet(name: str, counts: list[tuple[str, int]], **fields):
    query = SearchQuery(**fields)
    found = labelled_facets({name: [FacetCount(value, count) for value, count in counts]}, query)
    return next(facet for facet in found if facet.name == name)


def test_states_are_labelled_in_lithuanian_and_listed_from_surviving_to_lost():
    state = facet("state", [("lost", 4), ("survives", 2), ("hidden", 1)], language="lt")
    assert [(value.label, value.count) for value in state.values] == [
        ("Išlikęs", 2),
        ("Uždažytas arba paslėptas", 1),
        ("Prarastas", 4),
    ]


def test_states_are_labelled_in_english_whatever_language_is_active():
    with translation.override("lt"):
        state = facet("state", [("lost", 4), ("moved", 1)], language="en")
    assert [value.label for value in state.values] == ["Moved", "Lost"]


def test_the_facet_titles_are_translated():
    with translation.override("lt"):
        titles = {facet.name: facet.title for facet in labelled_facets({}, SearchQuery(language="lt"))}
    assert (titles["decade"], titles["state"]) == ("Dešimtmetis", "Dabartinė būklė")


def test_decades_are_labelled_in_each_language_and_listed_in_time_order():
    assert [value.label for value in facet("decade", [("1930", 5), ("1890", 1)], language="lt").values] == [
        "1890–1899 m.",
        "1930–1939 m.",
    ]
    assert [value.label for value in facet("decade", [("1930", 5), ("1890", 1)], language="en").values] == [
        "1890s",
        "1930s",
    ]


def test_a_chosen_decade_without_items_keeps_its_place_in_time():
    decade = facet("decade", [("1890", 1), ("1930", 5)], filters={"decade": ("1900",)})
    assert [(value.value, value.count, value.selected) for value in decade.values] == [
        ("1890", 1, False),
        ("1900", 0, True),
        ("1930", 5, False),
    ]


def test_a_state_no_longer_known_keeps_its_value_as_label():
    assert [value.label for value in facet("state", [("forgotten", 1)]).values] == ["forgotten"]


def test_the_undated_value_is_labelled_in_the_language_of_the_search():
    with translation.override("en"):
        chosen = undated_value(3, SearchQuery(language="lt", undated=True))
    assert (chosen.value, chosen.label, chosen.count, chosen.selected) == ("1", "Be datos", 3, True)
    assert undated_value(0, SearchQuery(language="en")).label == "Undated"
