"""The search backends behind one small interface; callers ask `get_catalogue_backend()` for one."""

from collections.abc import Callable, Iterable
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string

from search.query import SearchQuery
from search.results import SearchResults

BACKENDS = {
    "database": "search.backends.database.DatabaseBackend",
    "elasticsearch": "search.backends.elasticsearch.ElasticsearchBackend",
}

Progress = Callable[[int, int], None]


class CatalogueSearchBackend(Protocol):
    name: str

    def search(self, query: SearchQuery) -> SearchResults:
        """One page of hits with the total and facet counts; raises SearchUnavailable when down."""

    def suggest(self, text: str, language: str, limit: int = 8) -> list[str]:
        """Item titles that start with what has been typed, for the query box."""

    def search_features(self, text: str, language: str, limit: int = 5) -> list[int]:
        """Ids of the collections and exhibitions that match, shown above the item hits."""

    def update(self, page_ids: Iterable[int]) -> None:
        """Bring these pages in step with the database: index the findable ones, drop the rest."""

    def rebuild(self, progress: Progress | None = None) -> int:
        """Index every findable page afresh without a moment of empty results; returns the count."""

    def reindex_reason(self) -> str | None:
        """Why the index needs a rebuild before it answers like the code expects (`manage.py preflight`)."""


def get_catalogue_backend(name: str | None = None) -> CatalogueSearchBackend:
    name = name or settings.SEARCH_BACKEND
    if name not in BACKENDS:
        raise ValueError(f"SEARCH_BACKEND must be one of {', '.join(BACKENDS)}, not {name!r}")
    return import_string(BACKENDS[name])()
