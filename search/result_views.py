"""The same results three ways: a list, a map of their places, a time line of their decades (`?view=`).

The map and the time line count every match, not one page of them: they read the place and decade facets,
which both backends count over all the hits. Each place or decade links to the same search narrowed to it,
so a link finds the number it shows. `view` is the page's own parameter (the JSON API does not take it);
the links are written from the SearchQuery like the chips (search/active_filters.py).
"""

from dataclasses import replace
from urllib.parse import urlencode

from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from archive.catalogue.home import MappedPlace, Way
from archive.records.export_query import DELIMITER
from archive.vocabularies.models import Place
from search.active_filters import ActiveFilter, Pair, filter_pairs, kept_pairs, query_string
from search.parameters import LANGUAGE, UNDATED, WORDS
from search.query import SearchQuery
from search.results import FacetValue

VIEW = "view"
MAPPED, TIMED = "place", "decade"  # the facets the map and the time line show (search/facet_table.py)
LIST = "list"
VIEWS = {LIST: _("List"), "map": _("Map"), "timeline": _("Timeline")}
# (label, URL name, CSV delimiter, tooltip) of each export link under the results.
EXPORTS = (
    ("CSV", "records-export-csv", None, _("A table of every result, comma-separated")),
    (
        "CSV (;)",
        "records-export-csv",
        "semicolon",
        _("A table of every result, semicolon-separated, as Excel opens it with Lithuanian settings"),
    ),
    ("JSON", "records-export-json", None, _("Every result as JSON")),
)


def chosen_view(params: QueryDict) -> str:
    """An unknown view is the list, as the page ignores any parameter it does not take."""
    value = params.get(VIEW, "").strip()
    return value if value in VIEWS else LIST


def overview_query(query: SearchQuery, view: str) -> SearchQuery:
    """The map and the time line need the facets only: one hit is loaded, not a page of them. They show every
    place or decade of the results, not only the facet's first (the sidebar still shows those)."""
    if view == LIST:
        return query
    return replace(query, page=1, per_page=1, every_value=(MAPPED if view == "map" else TIMED,))


def search_pairs(query: SearchQuery) -> list[Pair]:
    """The words, the order and every filter: what switching the view keeps."""
    return kept_pairs(query) + [pair for pair, _label, _value in filter_pairs(query)]


def in_view(url: str, view: str) -> str:
    """A search address ("?…", never bare "?") kept in the current view."""
    return url if view == LIST else f"{url}&{urlencode({VIEW: view})}"


def view_links(query: SearchQuery, current: str) -> list[dict]:
    return [
        {
            "view": view,
            "label": label,
            "current": view == current,
            "url": in_view(query_string(search_pairs(query)), view),
        }
        for view, label in VIEWS.items()
    ]


def words_url(query: SearchQuery, view: str) -> str:
    """The same search with a text that reads as a date searched as words instead (`words=1`)."""
    return in_view(query_string(search_pairs(query) + [(WORDS.name, "1")]), view)


def export_links(query: SearchQuery) -> list[dict]:
    """The export of every hit of this search (not one page of it), in each format (archive/records/)."""
    pairs = search_pairs(query) + [(LANGUAGE.name, query.language)]
    return [
        {
            "label": label,
            "title": title,
            "url": f"{reverse(name)}?{urlencode(pairs + ([(DELIMITER.name, delimiter)] if delimiter else []))}",
        }
        for label, name, delimiter, title in EXPORTS
    ]


def chips_in_view(chips: list[ActiveFilter], view: str) -> list[ActiveFilter]:
    return [replace(chip, remove_url=in_view(chip.remove_url, view)) for chip in chips]


def narrowed_url(query: SearchQuery, facet: str, value: str) -> str:
    """The same search, as a list, with `value` the only one chosen in `facet`."""
    return query_string([pair for pair in search_pairs(query) if pair[0] != facet] + [(facet, value)])


def facet_values(facets: list, name: str) -> list[FacetValue]:
    """The values of one facet that find something (a chosen value is listed with 0 to be unticked), those
    past its size too when it was counted in full."""
    return [value for facet in facets if facet.name == name for value in facet.values + facet.more if value.count]


def timeline(query: SearchQuery, facets: list) -> list[Way]:
    """The decades in time order (as the facet lists them), each a bar as long as its share of the largest."""
    values = facet_values(facets, TIMED)
    largest = max((value.count for value in values), default=1)
    return [
        Way(value.label, value.count, narrowed_url(query, TIMED, value.value), value.count / largest)
        for value in values
    ]


def places(query: SearchQuery, facets: list) -> list[MappedPlace]:
    """The places, most items first; a place without coordinates has None for both and stays in the list."""
    values = sorted(facet_values(facets, MAPPED), key=lambda value: (-value.count, value.label))
    known = {place.key: place for place in Place.objects.filter(key__in=[value.value for value in values])}
    found = []
    for value in values:
        place = known.get(value.value)
        mapped = place is not None and place.has_coordinates
        found.append(
            MappedPlace(
                Way(value.label, value.count, narrowed_url(query, MAPPED, value.value)),
                place.latitude if mapped else None,
                place.longitude if mapped else None,
            )
        )
    return found


def view_context(found, view: str) -> dict:
    """What the map or the time line shows of a SearchPage (search/service.py)."""
    query = found.query
    if view == "map":
        mapped = places(query, found.facets)
        return {"places": mapped, "mapped_count": sum(1 for place in mapped if place.latitude is not None)}
    if view == "timeline":
        return {
            "decades": timeline(query, found.facets),
            "undated_url": query_string(search_pairs(query) + [(UNDATED.name, "1")]),
        }
    return {}
