"""What a search backend answers: the hits of one page, the total, and the facet counts."""

from dataclasses import dataclass, field


class SearchUnavailable(Exception):
    """The search engine cannot be reached; the page says so and the API answers 503."""


@dataclass(frozen=True)
class SearchHit:
    page_id: int
    snippets: tuple[str, ...] = ()  # HTML-escaped text with <mark> around the matched words


@dataclass(frozen=True)
class FacetCount:
    value: str
    count: int


@dataclass(frozen=True)
class SearchResults:
    count: int
    hits: list[SearchHit]
    facets: dict[str, list[FacetCount]] = field(default_factory=dict)
    undated: int = 0  # matching items with no date range, which no century or decade holds


@dataclass(frozen=True)
class FacetValue:
    """One value of a facet ready to show: its label in the visitor's language and whether it is chosen."""

    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Facet:
    name: str
    title: str
    values: list[FacetValue]
    more: list[FacetValue] = field(default_factory=list)  # past its size, when counted in full (the map's places)
