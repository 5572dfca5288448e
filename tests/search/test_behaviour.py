"""What researchers rely on, checked against both backends: they must agree."""

import pytest

from archive.catalogue.models import ItemPage
from archive.vocabularies.models import Place, PlaceName
from search.facet_table import FACETS
from search.indexing import sync_changes
from search.query import SearchQuery

from .catalogue import build_catalogue, item


def titles(backend, **fields) -> list[str]:
    results = backend.search(SearchQuery(**fields))
    by_id = ItemPage.objects.in_bulk([hit.page_id for hit in results.hits])
    return [by_id[hit.page_id].title for hit in results.hits]


def test_a_word_of_the_title_finds_the_item(backend, catalogue):
    assert titles(backend, text="langas") == ["Bažnyčios langas"]


def test_a_word_of_the_description_finds_the_item(backend, catalogue):
    assert titles(backend, text="švyturio") == ["Uosto panorama"]


def test_an_unpublished_item_is_never_found(backend, catalogue):
    assert "Slaptas vitražas" not in titles(backend, text="Slaptas")
    assert "Slaptas vitražas" not in titles(backend, sort="title")


def test_unpublishing_removes_an_item_from_results(backend, catalogue):
    catalogue.church.unpublish()
    sync_changes()
    assert titles(backend, text="langas") == []


def test_publishing_adds_an_item_to_results(backend, catalogue):
    catalogue.hidden.save_revision().publish()
    sync_changes()
    assert titles(backend, text="Slaptas") == ["Slaptas vitražas"]


def test_an_edit_is_searchable(backend, catalogue):
    catalogue.harbour.title = "Žiemos uostas"
    catalogue.harbour.save_revision().publish()
    sync_changes()
    assert titles(backend, text="Žiemos") == ["Žiemos uostas"]


def test_a_deleted_item_is_not_found(backend, catalogue):
    catalogue.church.delete()
    sync_changes()
    assert titles(backend, text="langas") == []


def test_an_inventory_number_finds_exactly_its_item(backend, catalogue):
    assert titles(backend, text="KLAVB-F-010") == ["Uosto panorama"]


def test_the_creator_name_finds_their_items(backend, catalogue):
    assert titles(backend, text="Jonas Pavyzdėlis") == ["Vitražas su Klaipėdos herbu"]


def test_items_of_the_other_language_are_not_found(backend, catalogue):
    assert titles(backend, text="langas", language="en") == []
    assert titles(backend, sort="title", language="en") == ["Stained glass windows of the Klaipėda church"]


def test_collection_filter_keeps_only_its_items(backend, catalogue):
    found = titles(backend, filters={"collection": ("fotografijos",)}, sort="title")
    assert found == ["Nežinomas portretas", "Uosto panorama"]


def test_a_year_range_matches_items_whose_dates_overlap_it(backend, catalogue):
    assert titles(backend, year_from=1905, year_to=1936, sort="date") == [
        "Bažnyčios langas",
        "Vitražas su Klaipėdos herbu",
    ]
    assert titles(backend, year_from=1911, year_to=1934) == []
    assert titles(backend, year_from=1960, sort="date") == ["Uosto panorama"]


def test_sort_by_date_puts_the_oldest_first_and_undated_last(backend, catalogue):
    assert titles(backend, sort="date") == [
        "Bažnyčios langas",
        "Vitražas su Klaipėdos herbu",
        "Uosto panorama",
        "Nežinomas portretas",
    ]


def test_sort_newest_first(backend, catalogue):
    assert titles(backend, sort="-date")[0] == "Uosto panorama"


def test_results_are_paginated(backend, catalogue):
    first = titles(backend, sort="title", per_page=3)
    second = titles(backend, sort="title", per_page=3, page=2)
    assert len(first) == 3 and len(second) == 1
    assert not set(first) & set(second)


def test_collection_facet_counts_add_up_to_the_total(backend, catalogue):
    results = backend.search(SearchQuery(sort="title"))
    assert results.count == 4
    assert sum(value.count for value in results.facets["collection"]) == results.count


@pytest.mark.parametrize("facet", [facet.name for facet in FACETS])
def test_each_facet_count_is_what_choosing_it_finds(backend, catalogue, facet):
    counts = backend.search(SearchQuery(sort="title")).facets[facet]
    assert counts
    for value in counts:
        chosen = backend.search(SearchQuery(sort="title", filters={facet: (value.value,)}))
        assert chosen.count == value.count, value


def test_a_multi_century_item_counts_in_each_century(backend, catalogue):
    counts = {value.value: value.count for value in backend.search(SearchQuery()).facets["century"]}
    assert counts == {"19": 1, "20": 3}


def counts(backend, facet: str, **fields) -> list[tuple[str, int]]:
    return [(value.value, value.count) for value in backend.search(SearchQuery(**fields)).facets[facet]]


def test_a_multi_decade_item_counts_in_each_decade_listed_in_time_order(backend, catalogue):
    assert counts(backend, "decade") == [("1890", 1), ("1900", 1), ("1910", 1), ("1930", 1), ("1960", 1)]


def test_a_decade_filter_finds_the_items_whose_dates_overlap_it(backend, catalogue):
    assert titles(backend, filters={"decade": ("1900",)}) == ["Bažnyčios langas"]
    assert titles(backend, filters={"decade": ("1930", "1960")}, sort="date") == [
        "Vitražas su Klaipėdos herbu",
        "Uosto panorama",
    ]
    assert titles(backend, filters={"decade": ("1920",)}) == []


def test_an_item_dated_to_more_than_two_centuries_is_in_its_centuries_but_in_no_decade(backend, catalogue):
    item(catalogue.stained, "Senas fragmentas", year_earliest=1700, year_latest=1920, date_text="XVIII–XX a.")
    sync_changes()
    assert dict(counts(backend, "century")) == {"18": 1, "19": 2, "20": 4}
    assert dict(counts(backend, "decade")) == {"1890": 1, "1900": 1, "1910": 1, "1930": 1, "1960": 1}
    assert titles(backend, filters={"decade": ("1750",)}) == []
    assert titles(backend, year_from=1750, year_to=1759) == ["Senas fragmentas"]


def test_the_state_facet_counts_the_current_state_of_each_work(backend, catalogue):
    assert counts(backend, "state") == [("lost", 1), ("survives", 1)]


def test_the_state_filter_finds_lost_works_and_leaves_surviving_ones_out(backend, catalogue):
    assert titles(backend, filters={"state": ("lost",)}) == ["Bažnyčios langas"]
    assert titles(backend, filters={"state": ("survives",)}) == ["Vitražas su Klaipėdos herbu"]
    assert titles(backend, filters={"state": ("lost", "survives")}, sort="date") == [
        "Bažnyčios langas",
        "Vitražas su Klaipėdos herbu",
    ]


def test_a_new_event_in_the_life_of_a_work_changes_its_state_in_search(backend, catalogue):
    from archive.catalogue.models import WorkEvent

    herb = ItemPage.objects.get(pk=catalogue.herb.pk)
    herb.life_events.add(WorkEvent(kind="painted_over", year_earliest=1950, sort_order=1))
    herb.save_revision().publish()
    sync_changes()
    assert titles(backend, filters={"state": ("hidden",)}) == ["Vitražas su Klaipėdos herbu"]
    assert titles(backend, filters={"state": ("survives",)}) == []


def test_the_undated_filter_finds_only_the_undated_items(backend, catalogue):
    results = backend.search(SearchQuery(undated=True))
    assert titles(backend, undated=True) == ["Nežinomas portretas"]
    assert results.undated == results.count == 1
    assert results.facets["century"] == results.facets["decade"] == []


def test_the_undated_count_follows_the_other_filters(backend, catalogue):
    assert backend.search(SearchQuery()).undated == 1
    assert backend.search(SearchQuery(filters={"collection": ("fotografijos",)})).undated == 1
    assert backend.search(SearchQuery(filters={"collection": ("vitrazai",)})).undated == 0
    assert backend.search(SearchQuery(year_from=1900)).undated == 0


def test_an_undated_item_is_never_taken_for_year_zero(backend, catalogue):
    assert titles(backend, year_from=-50, year_to=50) == []
    assert titles(backend, filters={"century": ("1",)}) == []
    assert titles(backend, filters={"decade": ("0",)}) == []
    assert titles(backend, undated=True, year_to=1999) == []


def test_exhibitions_and_collections_are_found_beside_the_items(backend, catalogue, home):
    from archive.exhibitions.models import ExhibitionPage

    exhibition = home.add_child(
        instance=ExhibitionPage(
            title="Stiklo šviesa", slug="stiklo-sviesa", intro="<p>Paroda apie tarpukario langus.</p>"
        )
    )
    sync_changes()
    assert backend.search_features("Stiklo šviesa", "lt") == [exhibition.pk]
    assert backend.search_features("Fotografijos", "lt") == [catalogue.photos.pk]


def test_a_places_name_from_another_era_finds_its_items(backend, home):
    build_catalogue(home)
    kretinga = Place.objects.get(key="kretinga")
    PlaceName.objects.create(place=kretinga, name="Krottingen", language="de", to_year=1918)
    for page in ItemPage.objects.filter(place=kretinga, live=True):
        page.save_revision().publish()
    sync_changes()
    assert "Bažnyčios langas" in titles(backend, text="Krottingen")


def test_another_form_of_a_lithuanian_word_finds_the_item(backend, catalogue):
    # "languose" (in the windows) and "uosto" (of the harbour): other forms of the words in the titles.
    assert titles(backend, text="languose") == ["Bažnyčios langas"]
    assert "Uosto panorama" in titles(backend, text="uostai")


def test_an_english_word_finds_its_plural_on_english_pages(backend, catalogue):
    assert titles(backend, text="window", language="en") == ["Stained glass windows of the Klaipėda church"]


def test_a_creators_name_finds_their_works(backend, catalogue):
    assert titles(backend, text="Pavyzdėlis") == ["Vitražas su Klaipėdos herbu"]
    assert titles(backend, text="Pavyzdelis") == ["Vitražas su Klaipėdos herbu"]


def test_a_word_typed_without_diacritics_finds_the_item(backend, catalogue):
    assert titles(backend, text="Baznycios langas") == ["Bažnyčios langas"]
