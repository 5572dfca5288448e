"""The filters a search has chosen, shown as removable chips above the results ("Technika ar medžiaga:
Vitražas ×"): each links to the same search without it, and "Clear all" keeps only the words and the order.

The links are written from the SearchQuery, not copied from the URL, so a value the page left out (a
mistyped year) is not carried along, and they use the parameter names declared in search/parameters.py.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.utils.functional import Promise

from search.facet_table import FACETS
from search.parameters import SORT, TEXT, UNDATED, WORDS, YEAR_FROM, YEAR_TO
from search.query import SearchQuery

Pair = tuple[str, str]


@dataclass(frozen=True)
class ActiveFilter:
    label: Promise | str  # what kind of filter, in the page's language: "Technika ar medžiaga"
    value: str  # the chosen value's label: "Vitražas"; empty for a yes/no filter such as "Be datos"
    remove_url: str  # "?…": the same search without this filter

    @property
    def text(self) -> str:
        return f"{self.label}: {self.value}" if self.value else str(self.label)


def default_sort(query: SearchQuery) -> str:
    """What parse_search picks when no sort is given: best match for words, titles otherwise."""
    return "relevance" if query.text else "title"


def kept_pairs(query: SearchQuery) -> list[Pair]:
    """The words (and whether they are words even when they read as a date) and a chosen order: what "Clear all"
    keeps."""
    pairs = [(TEXT.name, query.text)] if query.text else []
    if query.text and query.as_words:
        pairs.append((WORDS.name, "1"))
    if query.sort != default_sort(query):
        pairs.append((SORT.name, query.sort))
    return pairs


def query_string(pairs: list[Pair]) -> str:
    """ "?q=" rather than "?" when nothing is left: an empty query string is the page that invites a search,
    and a researcher removing the last filter expects to browse everything instead."""
    return "?" + urlencode(pairs or [(TEXT.name, "")])


def filter_pairs(query: SearchQuery) -> list[tuple[Pair, Promise | str, str]]:
    """(parameter, value), its label and the value's label, for every filter the query holds, in page order."""
    found = []
    for facet in FACETS:
        values = query.selected(facet.name)
        labels = facet.labels(set(values), query.language) if values else {}
        found += [((facet.name, value), facet.title, labels.get(value, value)) for value in values]
    if query.year_from is not None:
        found.append(((YEAR_FROM.name, str(query.year_from)), YEAR_FROM.label, str(query.year_from)))
    if query.year_to is not None:
        found.append(((YEAR_TO.name, str(query.year_to)), YEAR_TO.label, str(query.year_to)))
    if query.undated:
        found.append(((UNDATED.name, "1"), UNDATED.label, ""))
    return found


def active_filters(query: SearchQuery) -> list[ActiveFilter]:
    chosen = filter_pairs(query)
    every_pair = [pair for pair, _label, _value in chosen]
    return [
        ActiveFilter(
            label=label,
            value=value,
            remove_url=query_string(kept_pairs(query) + [other for other in every_pair if other != pair]),
        )
        for pair, label, value in chosen
    ]


def clear_all_url(query: SearchQuery) -> str:
    return query_string(kept_pairs(query))
