"""Which items an export covers: exactly the hits of the search with the same parameters, every page of them.

An export takes the search's own parameters (search/parameters.py: all but `page`, since it holds every page),
plus `delimiter` for CSV, read and refused as the search API does: a parameter it does not take or a value it
cannot use is an ExportQueryError naming it. It asks the search backend the page uses (database or
Elasticsearch), so it lists the items the search finds, in the search's order. A search finding more than an
export holds (RECORDS_EXPORT_MAX_ROWS, and never more than a search reaches, MAX_HITS) is refused with the count
and how to narrow it (ExportTooLarge), never cut short. Pages are loaded in chunks, so memory stays flat.
"""

from collections.abc import Iterator
from dataclasses import dataclass, replace

from django.conf import settings
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from archive.catalogue.models import ItemPage
from archive.imports.table import DELIMITERS
from search.active_filters import filter_pairs, kept_pairs
from search.backends import get_catalogue_backend
from search.parameters import (
    FACET_PARAMETERS,
    PAGE,
    SEARCH_PARAMETERS,
    Parameter,
    Problem,
    Rejected,
    quoted,
    read_parameters,
    read_search,
    unexpected_parameters,
)
from search.query import MAX_HITS, SearchQuery

from .record import RECORD_PREFETCH, RECORD_SELECT, ItemRecord, collections_by_path, item_record


def read_delimiter(value: str) -> str:
    if value in DELIMITERS:
        return value
    raise Rejected(
        format_lazy(
            _("“{value}” is not a delimiter: give one of {choices}."),
            value=quoted(value),
            choices=", ".join(DELIMITERS),
        )
    )


DELIMITER = Parameter(
    "delimiter",
    _("CSV delimiter"),
    read_delimiter,
    default="comma",
    schema={"type": "string", "enum": list(DELIMITERS), "default": "comma"},
    description="CSV only: the character between cells. `semicolon` for a spreadsheet program set to a locale "
    "whose decimal mark is a comma (Excel in Lithuanian opens such files in columns).",
)
EXPORT_PARAMETERS = (*(parameter for parameter in SEARCH_PARAMETERS if parameter is not PAGE), DELIMITER)


class ExportQueryError(ValueError):
    """A parameter the export cannot use; `problem` names it and says what it takes."""

    def __init__(self, problem: Problem):
        super().__init__(problem.as_api_error()["detail"])
        self.problem = problem


class ExportTooLarge(ValueError):
    """The search finds more items than an export holds."""

    def __init__(self, total: int, limit: int):
        super().__init__(
            f"This search finds {total} items; an export holds at most {limit}. Narrow it with the "
            "search's filters (collection, technique, decade, from and to, words) and export each part."
        )
        self.total, self.limit = total, limit

    def as_api_error(self) -> dict:
        return {"error": "too_many_items", "total": self.total, "limit": self.limit, "detail": str(self)}


@dataclass(frozen=True)
class ExportQuery:
    search: SearchQuery
    delimiter: str = "comma"

    def as_dict(self) -> dict:
        """The search as its parameters (a repeated one as a list) and its language, for the JSON header."""
        described: dict = {}
        pairs = kept_pairs(self.search) + [pair for pair, _label, _value in filter_pairs(self.search)]
        for name, value in pairs:
            described.setdefault(name, []).append(value)
        described = {name: values if name in FACET_PARAMETERS else values[0] for name, values in described.items()}
        if self.search.dates:
            dates = self.search.dates
            described["dates"] = {"text": dates.text, "from": dates.earliest, "to": dates.latest}
        return {**described, "language": self.search.language}


def parse_query(params: QueryDict) -> ExportQuery:
    reading = read_search(params)  # `page` is refused below as a parameter the export does not take
    values, delimiter_problems = read_parameters(params, (DELIMITER,))
    problems = [*unexpected_parameters(params, EXPORT_PARAMETERS), *reading.problems, *delimiter_problems]
    if problems:
        raise ExportQueryError(problems[0])
    return ExportQuery(search=reading.query, delimiter=values[DELIMITER.name])


def export_limit() -> int:
    return min(settings.RECORDS_EXPORT_MAX_ROWS, MAX_HITS)


def matching_ids(query: ExportQuery) -> list[int]:
    """The ids of every hit, in the search's order; raises ExportTooLarge, or SearchUnavailable when down."""
    limit = export_limit()
    found = get_catalogue_backend().search(replace(query.search.for_engine(), page=1, per_page=limit))
    if found.count > limit:
        raise ExportTooLarge(found.count, limit)
    return [hit.page_id for hit in found.hits]


def matching_records(ids: list[int], chunk_size: int) -> Iterator[ItemRecord]:
    """ItemRecords of these items in this order, read `chunk_size` pages at a time."""
    collections = collections_by_path()
    for start in range(0, len(ids), chunk_size):
        chunk = ids[start : start + chunk_size]
        pages = with_related(ItemPage.objects.filter(pk__in=chunk)).in_bulk()
        yield from (item_record(pages[pk], collections) for pk in chunk if pk in pages)


def with_related(items: QuerySet) -> QuerySet:
    return items.select_related(*RECORD_SELECT).prefetch_related(*RECORD_PREFETCH)
