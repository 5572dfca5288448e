"""The ids a Wagtail database search matches, best first, without loading any page.

modelsearch's SQLite compiler orders by a score computed in a correlated subquery, which runs the FTS5
match again for every matching row (`SQLiteSearchQueryCompiler.search`): about a minute for a common
word at 10,000 items. Here the FTS5 index is asked once for every match's id and score (the compiler's own match
and rank expressions), and the compiler's order is made in Python: score ascending (SQLite puts a NULL
first), then the higher id first. Other compilers (PostgreSQL) rank in one query and are used as they are.
"""

from django.db import connection
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks


def ranked_ids(results, candidates: set[int]) -> list[int]:
    """The ids of `results` (a Wagtail search of pages among `candidates`) in the order Wagtail ranks them."""
    compiler = results.query_compiler
    config = compiler.get_config(results.backend)
    if connection.vendor == "sqlite":  # modelsearch's SQLite module can be imported only there
        from modelsearch.backends.database.sqlite.query import normalize
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchQueryCompiler

        if type(compiler) is SQLiteSearchQueryCompiler and not isinstance(normalize(compiler.query), (MatchAll, Not)):
            scores = sqlite_scores(compiler, config)
            found = [pk for pk in scores if pk in candidates]
            return sorted(found, key=lambda pk: (scores[pk] is not None, scores[pk] or 0.0, -pk))
    return list(compiler.search(config, None, None).values_list("pk", flat=True))


def sqlite_scores(compiler, config) -> dict[int, float | None]:
    """Every matching page's score, as the compiler's relevance subquery computes it, in one query."""
    from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
    from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry

    search_query = compiler.build_search_query(normalize(compiler.query), config=config)
    rank = compiler._build_rank_expression(compiler.get_search_vectors(), config)
    match = MatchExpression(compiler.fields or compiler.FTS_TABLE_FIELDS, search_query)
    entries = (
        SQLiteFTSIndexEntry.objects.filter(match)
        .annotate(score=rank)
        .values_list("index_entry__object_id", "index_entry__content_type_id", "score")
    )
    # The content types are checked here: a filter on them in SQL makes SQLite walk the index entries of
    # those types and run the FTS5 match for each (20 s for a common word at 10,000 items).
    content_types = set(get_descendants_content_types_pks(compiler.queryset.model))
    return {int(object_id): score for object_id, content_type, score in entries if content_type in content_types}
