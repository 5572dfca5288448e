"""Wagtail's database search backend, given plain terms only: the one place where typed text meets FTS.

WAGTAILSEARCH_BACKENDS["default"] names this module, so every Wagtail search goes through it: the admin's
page, image, document and snippet searches, the catalogue's database backend (search/backends/database.py)
and the exports. Wagtail hands the text to the database's full-text syntax: SQLite's FTS5 fails on an
unbalanced quote or a NUL ("unterminated string"), PostgreSQL refuses a NUL. Here every text, and every
text inside a structured query (the admin's "quoted phrases"), becomes plain terms first
(search.text.plain_terms); a query with no words left is MATCH_NONE, which every backend answers with
no results of the model searched (the admin's listings need to know the model even then).
"""

from copy import copy

from wagtail.search.backends.database import SearchBackend as database_backend
from wagtail.search.query import MATCH_NONE, And, Boost, Not, Or, SearchQuery

from search.text import plain_terms


class SearchBackend:
    """The backend Wagtail picks for this database (SQLite FTS5, PostgreSQL, MySQL or the fallback),
    with the query made plain before it is searched; indexing and everything else pass straight through."""

    def __init__(self, params: dict):
        self.engine = database_backend(params)

    def __getattr__(self, name: str):
        return getattr(self.engine, name)

    def search(self, query, model_or_queryset, **options):
        return self.engine.search(plain_query(query), model_or_queryset, **options)

    def autocomplete(self, query, model_or_queryset, **options):
        return self.engine.autocomplete(plain_query(query), model_or_queryset, **options)


def plain_query(query: str | SearchQuery) -> str | SearchQuery:
    """The query with its texts reduced to plain terms; MATCH_NONE when no word is left."""
    if isinstance(query, str):
        return plain_terms(query) or MATCH_NONE
    return plain_node(query) or MATCH_NONE


def plain_node(node: SearchQuery) -> SearchQuery | None:
    """One node of a structured query made plain; None when nothing searchable is left in it."""
    if hasattr(node, "query_string"):  # PlainText, Phrase, Fuzzy
        terms = plain_terms(node.query_string)
        return replaced(node, query_string=terms) if terms else None
    if isinstance(node, (And, Or)):
        parts = [part for part in map(plain_node, node.subqueries) if part is not None]
        return type(node)(parts) if parts else None
    if isinstance(node, (Boost, Not)):
        inner = plain_node(node.subquery)
        return replaced(node, subquery=inner) if inner is not None else None
    return node  # MatchAll


def replaced(node: SearchQuery, **attributes) -> SearchQuery:
    changed = copy(node)
    for name, value in attributes.items():
        setattr(changed, name, value)
    return changed
