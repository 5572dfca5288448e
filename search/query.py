"""A search request as a plain value, kept in the URL so every search can be shared and cited; the URL's
parameters are read in search/parameters.py."""

from dataclasses import dataclass, field, replace

SORTS = ("relevance", "date", "-date", "title")
PER_PAGE = 20
MAX_PAGE = 500  # deep pages cost the engine a lot and no researcher reads 10,000 hits
MAX_HITS = MAX_PAGE * PER_PAGE  # the most hits a search reaches; also Elasticsearch's result window
# A range longer than two centuries ("XVII-XIX a.") says nothing about a decade: such an item is in its
# centuries and in the year-range overlap, but in no decade, so vague dating cannot flood that facet.
MAX_DECADE_SPAN = 200  # latest - earliest; "XIX-XX a." (1800-1999, twenty decades) is still in its decades


@dataclass(frozen=True)
class DateSearch:
    """The search box's text read as a date phrase (search/dates.py): searched as these years, not as words."""

    text: str
    earliest: int
    latest: int


@dataclass(frozen=True)
class SearchQuery:
    """What a researcher asked for; `filters` maps a facet name (search/facet_table.py) to the values chosen in
    it."""

    text: str = ""
    language: str = "lt"
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    year_from: int | None = None
    year_to: int | None = None
    undated: bool = False  # only the items with no date range
    dates: DateSearch | None = None  # `text` read as a date phrase; None when it is words
    as_words: bool = False  # `text` searched as words even if it reads as a date (?words=1)
    sort: str = "relevance"
    page: int = 1
    per_page: int = PER_PAGE
    every_value: tuple[str, ...] = ()  # facets counted in full, not cut to their size (the map's places)

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    @property
    def has_criteria(self) -> bool:
        return bool(self.text or self.filters or self.undated or self.year_from is not None or self.year_to is not None)

    def selected(self, facet: str) -> tuple[str, ...]:
        return self.filters.get(facet, ())

    def with_page(self, page: int) -> "SearchQuery":
        return replace(self, page=page)

    def for_engine(self) -> "SearchQuery":
        """What the backends search: text read as dates becomes a year range, which an item must overlap
        as well as from..to (so the two ranges' latest start and earliest end), and no words."""
        if self.dates is None:
            return self
        starts = [year for year in (self.year_from, self.dates.earliest) if year is not None]
        ends = [year for year in (self.year_to, self.dates.latest) if year is not None]
        return replace(self, text="", dates=None, year_from=max(starts), year_to=min(ends))


def century_of(year: int) -> int:
    """The century a year belongs to, counted as the date parser reads "XX a." (1900-1999): 1900 is in the 20th."""
    return year // 100 + 1


def centuries_between(earliest: int | None, latest: int | None) -> list[int]:
    """Every century an item's date range touches; an undated item belongs to none."""
    if earliest is None or latest is None:
        return []
    return list(range(century_of(earliest), century_of(latest) + 1))


def century_years(century: int) -> tuple[int, int]:
    return (century - 1) * 100, century * 100 - 1


def decade_of(year: int) -> int:
    """The decade a year belongs to, named by its first year as Lithuanian usage does: 1930-1939 is "1930"."""
    return year // 10 * 10


def decades_between(earliest: int | None, latest: int | None) -> list[int]:
    """Every decade an item's date range touches; none for an undated item or one dated too vaguely."""
    if earliest is None or latest is None or latest - earliest >= MAX_DECADE_SPAN:
        return []
    return list(range(decade_of(earliest), decade_of(latest) + 1, 10))


def decade_years(decade: int) -> tuple[int, int]:
    return decade, decade + 9
