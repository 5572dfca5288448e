"""The map and time line views read every match's places and decades (search/result_views.py), on both
backends: their counts are the facets', and each link finds the number it shows."""

import pytest

from search.indexing import sync_changes
from tests.factories import make_item

pytestmark = pytest.mark.django_db


def facet_counts(response, name: str) -> dict[str, int]:
    return {
        value.value: value.count
        for facet in response.context["found"].facets
        if facet.name == name
        for value in facet.values
        if value.count
    }


def found_count(client, url: str) -> int:
    return client.get("/search/" + url).context["found"].count


def test_the_timeline_is_the_decade_facet_and_each_bar_finds_its_count(client, catalogue):
    response = client.get("/search/", {"q": "", "view": "timeline"})
    decades = response.context["decades"]
    facet = facet_counts(response, "decade")
    assert [way.count for way in decades] == list(facet.values()) and len(decades) >= 3
    for way in decades:
        assert found_count(client, way.url) == way.count
    assert max(way.share for way in decades) == 1.0
    undated = response.context["found"].undated.count
    assert undated and found_count(client, response.context["undated_url"]) == undated


def test_the_map_lists_every_place_with_its_count_and_link(client, catalogue):
    response = client.get("/search/", {"q": "", "technique": "vitrazas", "view": "map"})
    places = response.context["places"]
    assert {place.way.url.rsplit("=", 1)[1]: place.way.count for place in places} == facet_counts(response, "place")
    for place in places:
        assert "technique=vitrazas" in place.way.url and found_count(client, place.way.url) == place.way.count
    assert places and all(f">{place.way.label}</a>" in response.content.decode() for place in places)


def test_the_view_switch_keeps_the_words_and_filters(client, catalogue):
    response = client.get("/en/search/", {"q": "vitrazas", "from": "1900", "sort": "date", "view": "map"})
    links = {link["view"]: link for link in response.context["view_links"]}
    assert links["list"]["url"] == "?q=vitrazas&sort=date&from=1900"
    assert links["timeline"]["url"] == "?q=vitrazas&sort=date&from=1900&view=timeline"
    assert links["map"]["current"] and not links["list"]["current"]
    assert [chip.remove_url for chip in response.context["active_filters"]] == ["?q=vitrazas&sort=date&view=map"]
    assert '<input type="hidden" name="view" value="map">' in response.content.decode()


def test_an_unknown_view_is_the_list(client, catalogue):
    response = client.get("/search/", {"q": "", "view": "gallery"})
    assert response.context["view"] == "list" and len(response.context["found"].items) > 1


def test_the_map_shows_every_place_of_the_results_not_only_the_facets_first(client, catalogue):
    """The place facet lists its 30 places with most items; the map has every place of the results."""
    from archive.vocabularies.models import Place
    from search.facet_table import FACET

    shown = FACET["place"].size
    for number in range(shown + 5):
        place = Place.objects.create(key=f"miestas-{number:02d}", name=f"Miestas {number:02d}")
        make_item(catalogue.stained, title=f"Langas {number}", place=place)
    sync_changes()
    response = client.get("/search/", {"q": "", "view": "map"})
    mapped = {place.way.url.rsplit("=", 1)[1] for place in response.context["places"]}
    assert {f"miestas-{number:02d}" for number in range(shown + 5)} | {"klaipeda", "kretinga"} == mapped
    assert len(facet_counts(response, "place")) == shown  # the sidebar keeps the facet's size


def test_the_timeline_shows_every_decade_of_the_results_in_time_order(client, catalogue):
    from search.facet_table import FACET

    shown = FACET["decade"].size
    for number in range(shown + 5):
        make_item(
            catalogue.stained,
            title=f"Langas {number}",
            year_earliest=1500 + 10 * number,
            year_latest=1500 + 10 * number,
        )
    sync_changes()
    response = client.get("/search/", {"q": "", "view": "timeline"})
    decades = [int(way.url.rsplit("=", 1)[1]) for way in response.context["decades"]]
    assert set(range(1500, 1500 + 10 * (shown + 5), 10)) <= set(decades) and decades == sorted(decades)
    assert len(facet_counts(response, "decade")) == shown  # the sidebar keeps the facet's size
