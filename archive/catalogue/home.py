"""The home page's ways into the archive: by time, by place, then and now, recent additions, examples.

Counts of decades and places come from the search itself (a blank search in the visitor's language), so
each link finds exactly the number it shows; when search is down, those two sections are left out and
the rest of the page still works.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from wagtail.models import Locale

from archive.catalogue.models import ItemImage, ItemPage
from archive.vocabularies.models import Place

RECENT_COUNT = 8
THEN_NOW_COUNT = 4
EXAMPLE_FACETS = ("technique", "place", "decade")


@dataclass(frozen=True)
class Way:
    """One link into the search: its label, how many items it finds, and the address."""

    label: str
    count: int
    url: str
    share: float = 0.0  # of the largest count in its group, for the bars of the time line


@dataclass(frozen=True)
class MappedPlace:
    way: Way
    latitude: Decimal
    longitude: Decimal


def published_items() -> QuerySet:
    """Shown as cards: each card's first image, and a then/now pair's two, come with the items in one query."""
    return (
        ItemPage.objects.live()
        .public()
        .filter(locale=Locale.get_active())
        .select_related("locale")
        .prefetch_related("images__image")
    )


def recent_items() -> list[ItemPage]:
    return list(published_items().order_by("-first_published_at", "-pk")[:RECENT_COUNT])


def then_now_items() -> list[ItemPage]:
    """Items of the (Not)forgotten city with a then and a now image, newest first."""
    paired = (
        published_items().filter(images__view=ItemImage.View.THEN).filter(images__view=ItemImage.View.NOW).distinct()
    )
    return list(paired.order_by("-first_published_at", "-pk")[:THEN_NOW_COUNT])


def search_url(**filters) -> str:
    return reverse("search") + "?" + urlencode(filters)


def search_facets(language: str) -> dict | None:
    """The facets of a blank search by name, or None when search is unavailable."""
    from search.query import SearchQuery
    from search.results import SearchUnavailable
    from search.service import run_search

    try:
        page = run_search(SearchQuery(language=language, per_page=1, every_value=("place",)))  # the map: all
    except SearchUnavailable:
        return None
    return {facet.name: facet for facet in page.facets}


def ways(facet, limit: int | None = None) -> list[tuple[str, Way]]:
    """(value, link) for each value of the facet that finds something (past its size when counted in full);
    the `limit` most common ones."""
    values = [value for value in facet.values + facet.more if value.count]
    if limit:
        values = sorted(values, key=lambda value: -value.count)[:limit]
    largest = max((value.count for value in values), default=1)
    return [
        (value.value, Way(value.label, value.count, search_url(**{facet.name: value.value}), value.count / largest))
        for value in values
    ]


def decades(facets: dict) -> list[Way]:
    facet = facets.get("decade")
    if facet is None:
        return []
    return [way for _value, way in sorted(ways(facet), key=lambda pair: int(pair[0]))]


def mapped_places(facets: dict) -> list[MappedPlace]:
    facet = facets.get("place")
    if facet is None:
        return []
    found = ways(facet)
    by_key = {
        place.key: place
        for place in Place.objects.filter(
            key__in=[key for key, _way in found], latitude__isnull=False, longitude__isnull=False
        )
    }
    return [MappedPlace(way, by_key[key].latitude, by_key[key].longitude) for key, way in found if key in by_key]


def examples(facets: dict) -> list[Way]:
    """A search to try from each of a few facets: its most common value."""
    found = []
    for name in EXAMPLE_FACETS:
        if facets.get(name) and (best := ways(facets[name], limit=1)):
            found.append(best[0][1])
    return found


def ways_in() -> dict:
    facets = search_facets(get_language()) or {}
    return {
        "recent_items": recent_items(),
        "then_now_items": then_now_items(),
        "decades": decades(facets),
        "mapped_places": mapped_places(facets),
        "examples": examples(facets),
    }
