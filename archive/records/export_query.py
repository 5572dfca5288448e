"""Which items an export covers: a small filter of published items (text, collection, year overlap).

The public search page owns the full query language; exports stay on this simple, stable subset so they
do not depend on the search app's internals. Items are read in chunks so a long export never holds the
whole result in memory.
"""

from collections.abc import Iterator
from dataclasses import asdict, dataclass

from django.conf import settings
from django.db.models import QuerySet
from django.http import QueryDict
from wagtail.models import Locale

from archive.catalogue.models import CollectionPage, ItemPage

from .record import RECORD_PREFETCH, RECORD_SELECT, ItemRecord, collections_by_path, item_record

YEAR_RANGE = (-9999, 9999)


class ExportQueryError(ValueError):
    """A parameter the export cannot use; the message is shown to the caller."""


@dataclass(frozen=True)
class ExportQuery:
    q: str = ""
    collection: str = ""
    year_from: int | None = None
    year_to: int | None = None
    language: str = settings.LANGUAGE_CODE

    def as_dict(self) -> dict:
        return {key: value for key, value in asdict(self).items() if value not in ("", None)}


def parse_year(params: QueryDict, name: str) -> int | None:
    value = params.get(name, "").strip()
    if not value:
        return None
    try:
        year = int(value)
    except ValueError:
        raise ExportQueryError(f"'{name}' must be a year, not '{value}'.") from None
    if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
        raise ExportQueryError(f"'{name}' is out of range.")
    return year


def parse_query(params: QueryDict) -> ExportQuery:
    language = params.get("lang", settings.LANGUAGE_CODE)
    if language not in dict(settings.LANGUAGES):
        raise ExportQueryError(f"'lang' must be one of {', '.join(dict(settings.LANGUAGES))}.")
    query = ExportQuery(
        q=params.get("q", "").strip()[:200],
        collection=params.get("collection", "").strip(),
        year_from=parse_year(params, "from"),
        year_to=parse_year(params, "to"),
        language=language,
    )
    if query.year_from is not None and query.year_to is not None and query.year_from > query.year_to:
        raise ExportQueryError("'from' is after 'to'.")
    return query


def filtered_items(query: ExportQuery) -> QuerySet:
    # Filter on the locale itself: search backends can filter on indexed fields only, not across joins.
    locale = Locale.objects.filter(language_code=query.language).first()
    items = ItemPage.objects.live().public().filter(locale=locale)
    if query.collection:
        collection = CollectionPage.objects.filter(slug=query.collection, locale=locale).first()
        if collection is None:
            raise ExportQueryError(f"No collection is called '{query.collection}'.")
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
