"""One search, start to finish: ask the backend, then label facets and load the pages of the hits."""

import math
from dataclasses import dataclass

from wagtail.models import Page

from search.backends import CatalogueSearchBackend, get_catalogue_backend
from search.facets import labelled_facets, undated_value
from search.presentation import ResultItem, result_items
from search.query import SearchQuery
from search.results import Facet, FacetValue


@dataclass(frozen=True)
class SearchPage:
    query: SearchQuery
    count: int
    items: list[ResultItem]
    facets: list[Facet]
    features: list[Page]  # collections and exhibitions that match the words
    undated: FacetValue  # how many of the matches have no date range, and whether only those are asked for

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.count / self.query.per_page))


def run_search(query: SearchQuery, backend: CatalogueSearchBackend | None = None) -> SearchPage:
    """Raises SearchUnavailable when the engine is down; a page past the end shows the last page. The page
    keeps `query` as asked (the words of a date phrase included); the backend searches query.for_engine()."""
    backend = backend or get_catalogue_backend()
    results = backend.search(query.for_engine())
    last_page = max(1, math.ceil(results.count / query.per_page))
    if query.page > last_page:
        query = query.with_page(last_page)
        results = backend.search(query.for_engine())
    features = []
    if (words := query.for_engine().text) and query.page == 1:
        ids = backend.search_features(words, query.language)
        by_id = Page.objects.in_bulk(ids)
        features = [by_id[pk] for pk in ids if pk in by_id]
    return SearchPage(
        query=query,
        count=results.count,
        items=result_items(results.hits),
        facets=labelled_facets(results.facets, query),
        features=features,
        undated=undated_value(results.undated, query),
    )
