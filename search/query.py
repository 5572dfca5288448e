"""A search request as a plain value: parsed from the URL so every search can be shared and cited."""

from dataclasses import dataclass, field, replace

from django.http import QueryDict

FACETS = ("collection", "creator", "place", "technique", "subject", "century")
SORTS = ("relevance", "date", "-date", "title")
PER_PAGE = 20
MAX_PAGE = 500  # deep pages cost the engine a lot and no researcher reads 10,000 hits


@dataclass(frozen=True)
class SearchQuery:
    """What a researcher asked for; `filters` maps a facet name to the values chosen in it."""

    text: str = ""
    language: str = "lt"
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    year_from: int | None = None
    year_to: int | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = PER_PAGE

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    @property
    def has_criteria(self) -> bool:
        return bool(self.text or self.filters or self.year_from is not None or self.year_to is not None)

    def selected(self, facet: str) -> tuple[str, ...]:
        return self.filters.get(facet, ())

    def with_page(self, page: int) -> "SearchQuery":
        return replace(self, page=page)


def parse_query(params: QueryDict, language: str) -> SearchQuery:
    """Read a query string leniently: bad values fall back to defaults rather than erroring."""
    text = " ".join(params.get("q", "").split())[:200]
    filters = {}
    for name in FACETS:
        values = tuple(dict.fromkeys(v.strip() for v in params.getlist(name) if v.strip()))
        if name == "century":
            values = tuple(v for v in values if v.isdigit() and 0 < int(v) < 22)
        if values:
            filters[name] = values
    year_from, year_to = parse_year(params.get("from")), parse_year(params.get("to"))
    if year_from is not None and year_to is not None and year_from > year_to:
        year_from, year_to = year_to, year_from
    sort = params.get("sort", "")
    if sort not in SORTS:
        sort = "relevance" if text else "title"
    return SearchQuery(
        text=text, language=language, filters=filters, year_from=year_from, year_to=year_to,
        sort=sort, page=parse_page(params.get("page")),
    )


def parse_year(value: str | None) -> int | None:
    try:
        year = int((value or "").strip())
    except ValueError:
        return None
    return year if -3000 <= year <= 3000 else None


def parse_page(value: str | None) -> int:
    try:
        return min(max(int(value or 1), 1), MAX_PAGE)
    except ValueError:
        return 1


def century_of(year: int) -> int:
    """The century a year belongs to, counted as the catalogue does: 1900 is in the 19th, 1901 in the 20th."""
    return (year - 1) // 100 + 1


def centuries_between(earliest: int | None, latest: int | None) -> list[int]:
    """Every century an item's date range touches; an undated item belongs to none."""
    if earliest is None or latest is None:
        return []
    return list(range(century_of(earliest), century_of(latest) + 1))


def century_years(century: int) -> tuple[int, int]:
    return (century - 1) * 100 + 1, century * 100
