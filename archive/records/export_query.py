"""Which items an export covers: a small filter of published items (text, collection, year overlap).

The public search page owns the full query language; exports stay on this simple, stable subset, run on
the database whatever engine the search page uses. Their parameters are the search API's own declarations
(search/parameters.py), read and refused the same way: a parameter the export does not take or a value
it cannot use is an ExportQueryError naming it. Items are read in chunks so a long export never holds the
whole result in memory.
"""

from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace

from django.conf import settings
from django.db.models import QuerySet
from django.http import QueryDict
from wagtail.models import Locale

from archive.catalogue.models import CollectionPage, ItemPage
from search.parameters import (
    FACET_PARAMETERS,
    LANGUAGE,
    TEXT,
    YEAR_FROM,
    YEAR_TO,
    Problem,
    not_in_catalogue,
    read_parameters,
    reversed_range,
    unexpected_parameters,
)

from .record import RECORD_PREFETCH, RECORD_SELECT, ItemRecord, collections_by_path, item_record

# One collection, by its slug in the export's language: the search's collection filter, given once.
COLLECTION = replace(FACET_PARAMETERS["collection"], repeated=False, default="")
EXPORT_PARAMETERS = (TEXT, LANGUAGE, COLLECTION, YEAR_FROM, YEAR_TO)


class ExportQueryError(ValueError):
    """A parameter the export cannot use; `problem` names it and says what it takes."""

    def __init__(self, problem: Problem):
        super().__init__(problem.as_api_error()["detail"])
        self.problem = problem


@dataclass(frozen=True)
class ExportQuery:
    q: str = ""
    collection: str = ""
    year_from: int | None = None
    year_to: int | None = None
    language: str = settings.LANGUAGE_CODE

    def as_dict(self) -> dict:
        return {key: value for key, value in asdict(self).items() if value not in ("", None)}


def parse_query(params: QueryDict) -> ExportQuery:
    values, problems = read_parameters(params, EXPORT_PARAMETERS)
    problems = [*unexpected_parameters(params, EXPORT_PARAMETERS), *problems]
    if reversed_years := reversed_range(values["from"], values["to"]):
        problems.append(reversed_years)
    if problems:
        raise ExportQueryError(problems[0])
    return ExportQuery(q=values["q"], collection=values["collection"], year_from=values["from"],
                       year_to=values["to"], language=values["lang"])


def filtered_items(query: ExportQuery) -> QuerySet:
    # Filter on the locale itself: search backends can filter on indexed fields only, not across joins.
    locale = Locale.objects.filter(language_code=query.language).first()
    items = ItemPage.objects.live().public().filter(locale=locale)
    if query.collection:
        collection = CollectionPage.objects.filter(slug=query.collection, locale=locale).first()
        if collection is None:
            raise ExportQueryError(Problem(COLLECTION.name, COLLECTION.label, not_in_catalogue(query.collection)))
        items = items.child_of(collection)
    # A dated item matches when its year span overlaps the asked range; undated items never do.
    if query.year_from is not None:
        items = items.filter(year_latest__gte=query.year_from)
    if query.year_to is not None:
        items = items.filter(year_earliest__lte=query.year_to)
    return items


def count_matches(query: ExportQuery) -> int:
    items = filtered_items(query)
    return items.search(query.q).count() if query.q else items.count()


def matching_records(query: ExportQuery, limit: int, chunk_size: int) -> Iterator[ItemRecord]:
    """ItemRecords of up to `limit` matches, read `chunk_size` pages at a time."""
    collections = collections_by_path()
    for page in matching_pages(query, limit, chunk_size):
        yield item_record(page, collections)


def matching_pages(query: ExportQuery, limit: int, chunk_size: int) -> Iterator[ItemPage]:
    items = filtered_items(query)
    if not query.q:
        ordered = items.order_by("inventory_number", "pk")[:limit]
        yield from with_related(ordered).iterator(chunk_size=chunk_size)
        return
    # Search results come in relevance order; each chunk is one search query plus one page query.
    results = items.search(query.q)
    for start in range(0, limit, chunk_size):
        ids = [page.pk for page in results[start:min(start + chunk_size, limit)]]
        if not ids:
            return
        pages = with_related(ItemPage.objects.filter(pk__in=ids)).in_bulk()
        yield from (pages[pk] for pk in ids if pk in pages)


def with_related(items: QuerySet) -> QuerySet:
    return items.select_related(*RECORD_SELECT).prefetch_related(*RECORD_PREFETCH)
