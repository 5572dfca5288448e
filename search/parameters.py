"""The search URL's parameters, each declared once: its name, its label, how it is read, what it takes.

A query string is read in one pass into a SearchQuery and the problems found in it. A Problem names the
parameter, says what it takes (in the active language) and what the search page did instead. The JSON
API answers 400 with the first problem (search/api.py); the page searches without the bad values and
lists them (search/views.py); the OpenAPI document describes these declarations (search/openapi.py); the
exports read every one but the page with the same ones (archive/records/export_query.py).

Grammar of the values (surrounding space is ignored; an empty value counts as not given):
  q        any text; characters no engine takes are dropped, at most 200 characters (search/text.py); all of
           it a date phrase other than a bare number ("1930s", "tarpukaris"): searched as years (search/dates.py)
  words    yes/no: q is searched as words even when it reads as a date
  lang     a language code of settings.LANGUAGES
  from, to a year, -3000..3000, ASCII digits 0-9 with an optional leading "-", or a date phrase the archive
           reads (from: its earliest year, to: its latest); from <= to
  facets   each as its row in search/facet_table.py reads it (search/readers.py): century 1..21; decade a multiple
           of 10 up to 2100; state a WorkStatus value; the others a key the catalogue holds (checked by read_search)
  undated  1/true/on/yes or 0/false/off/no;  sort: one of SORTS;  page: 1..MAX_PAGE
Only facets may be repeated. The API also refuses a parameter it does not take; the page ignores one.
To add a facet, add its row to search/facet_table.py. To add another parameter: declare it below, list it in
SEARCH_PARAMETERS and read it into SearchQuery in parse_search; the API, the page and the OpenAPI document follow.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import partial

from django.conf import settings
from django.http import QueryDict
from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from search.dates import date_in_words, date_reading
from search.facet_table import FACET, FACETS
from search.facets import labels_for
from search.query import MAX_PAGE, PER_PAGE, SORTS, SearchQuery
from search.readers import LEFT_OUT, Rejected, not_in_catalogue, quoted, whole_number
from search.text import MAX_LENGTH, searchable_text

__all__ = ["Rejected", "quoted"]  # also read by archive/records/export_query.py

YEARS = (-3000, 3000)
YES = ("1", "true", "on", "yes")
NO = ("0", "false", "off", "no")


@dataclass(frozen=True)
class Problem:
    parameter: str
    label: Promise | str  # how the page names the parameter
    reason: Promise | str  # what is wrong and what the parameter takes
    consequence: Promise | str = LEFT_OUT  # what the forgiving page did instead

    def as_api_error(self) -> dict:
        """The body of a 400 from the JSON API and the exports, in English like the rest of the API."""
        with override("en"):
            detail = f"{self.parameter}: {self.reason}"
        return {"error": "invalid_parameter", "parameter": self.parameter, "detail": detail}


@dataclass(frozen=True)
class Parameter:
    name: str
    label: Promise
    read: Callable[[str], object]  # one value, stripped and not empty; raises Rejected
    description: str  # for the OpenAPI document
    schema: dict  # of one value
    repeated: bool = False
    default: object = None
    example: str | None = None  # a value it takes, for the OpenAPI document


@dataclass(frozen=True)
class Reading:
    query: SearchQuery
    problems: tuple[Problem, ...] = ()


def read_text(value: str) -> str:
    text = searchable_text(value)
    if len(text) > MAX_LENGTH:
        raise Rejected(
            format_lazy(_("The text is longer than {limit} characters, the most a search takes."), limit=MAX_LENGTH),
            instead=text[:MAX_LENGTH].strip(),
            consequence=format_lazy(_("Only its first {limit} characters were searched."), limit=MAX_LENGTH),
        )
    return text


def read_language(value: str) -> str:
    if value in dict(settings.LANGUAGES):
        return value
    raise Rejected(
        format_lazy(
            _("“{value}” is not a language of the catalogue: give one of {choices}."),
            value=quoted(value),
            choices=", ".join(dict(settings.LANGUAGES)),
        )
    )


def read_year(value: str, latest: bool = False) -> int:
    """A year in digits, or a date phrase's earliest year (`latest`: its latest): "early 1930s" is 1930 or 1933."""
    year = whole_number(value)
    if year is None and (reading := date_reading(value)) is not None:
        year = reading.latest if latest else reading.earliest
    if year is not None and YEARS[0] <= year <= YEARS[1]:
        return year
    raise Rejected(
        format_lazy(
            _(
                "“{value}” is not a year or a date the archive reads: give a whole number from "
                "{first} to {last} in the digits 0-9, or a date such as 1930s or 1935 m. gegužės "
                "3 d."
            ),
            value=quoted(value),
            first=YEARS[0],
            last=YEARS[1],
        )
    )


def read_page(value: str) -> int:
    page = whole_number(value)
    if page is not None and 1 <= page <= MAX_PAGE:
        return page
    raise Rejected(
        format_lazy(
            _("“{value}” is not a page number: give a whole number from 1 to {last}."),
            value=quoted(value),
            last=MAX_PAGE,
        )
    )


def read_sort(value: str) -> str:
    if value in SORTS:
        return value
    raise Rejected(
        format_lazy(
            _("“{value}” is not an order of results: give one of {choices}."),
            value=quoted(value),
            choices=", ".join(SORTS),
        )
    )


def read_flag(value: str) -> bool:
    if value.lower() in YES + NO:
        return value.lower() in YES
    raise Rejected(
        format_lazy(
            _("“{value}” is neither yes nor no: give one of {choices}."),
            value=quoted(value),
            choices=", ".join(YES + NO),
        )
    )


def read_parameters(params: QueryDict, parameters: Iterable[Parameter]) -> tuple[dict, list[Problem]]:
    """The value of each parameter (a tuple for a repeated one), or its default, and the problems found."""
    values, problems = {}, []
    for parameter in parameters:
        given = [value.strip() for value in params.getlist(parameter.name) if value.strip()]
        if parameter.repeated:  # each value once, in the order given
            read = [read_value(parameter, value, problems) for value in dict.fromkeys(given)]
            values[parameter.name] = tuple(dict.fromkeys(value for value in read if value is not None))
            continue
        if len(given) > 1:
            problems.append(
                Problem(
                    parameter.name,
                    parameter.label,
                    _("It was given more than once: give it once."),
                    _("The last one was used."),
                )
            )
        value = read_value(parameter, given[-1], problems) if given else None
        values[parameter.name] = parameter.default if value is None else value
    return values, problems


def read_value(parameter: Parameter, value: str, problems: list[Problem]):
    """The value read, or what the page uses instead when it is refused (None: nothing)."""
    try:
        return parameter.read(value)
    except Rejected as rejected:
        problems.append(Problem(parameter.name, parameter.label, rejected.reason, rejected.consequence))
        return rejected.instead


def unexpected_parameters(params: QueryDict, parameters: Iterable[Parameter]) -> list[Problem]:
    """For the API: a parameter it does not know (a misspelt `form`, a `per_page`) is an error, not ignored."""
    names = [parameter.name for parameter in parameters]
    reason = format_lazy(_("This is not a parameter here: give only {names}."), names=", ".join(names))
    return [Problem(quoted(name), quoted(name), reason) for name in params if name not in names]


def reversed_range(year_from: int | None, year_to: int | None) -> Problem | None:
    if year_from is None or year_to is None or year_from <= year_to:
        return None
    return Problem(
        YEAR_FROM.name,
        YEAR_FROM.label,
        format_lazy(
            _("{start} is later than the end of the range, {end}: give the earlier year first."),
            start=year_from,
            end=year_to,
        ),
        _("The two years were swapped."),
    )


CATALOGUE_NOTE = " A value the catalogue does not hold is refused: pass back the `value` of a facet."

DATE_PHRASES = (
    "or a date phrase the archive reads (`1930s`, `early 1930s`, `1935 m. gegužės 3 d.`, `XIX a. pab.`, "
    "`193X`, a named period such as `tarpukaris` or `interwar`)"
)
TEXT = Parameter(
    "q",
    _("Search text"),
    read_text,
    schema={"type": "string", "maxLength": MAX_LENGTH},
    default="",
    description="Words, names, places, techniques or an inventory number. Accents are optional (`vitrazas` finds "
    "`vitražas`); Lithuanian and English word forms are stemmed. Control characters are ignored. When "
    f"all of it is a date phrase other than a bare number, {DATE_PHRASES.removeprefix('or ')}, it is "
    "searched as that year range (with `from`, `to` and the filters) instead of words, and the answer's "
    "`dates` says so; `words=true` searches the words. A bare number (`1935`) is always words.",
)
LANGUAGE = Parameter(
    "lang",
    _("Language"),
    read_language,
    default=settings.LANGUAGE_CODE,
    schema={"type": "string", "enum": list(dict(settings.LANGUAGES)), "default": settings.LANGUAGE_CODE},
    description="Which language version of the catalogue to search.",
)
FACET_PARAMETERS = {
    facet.name: Parameter(
        facet.name,
        facet.title,
        facet.read,
        repeated=True,
        default=(),
        schema=facet.schema,
        description=facet.description + (CATALOGUE_NOTE if facet.holds_keys else ""),
        example=facet.example,
    )
    for facet in FACETS
}
UNDATED = Parameter(
    "undated",
    _("Undated"),
    read_flag,
    default=False,
    schema={"type": "boolean", "default": False},
    description="true (or 1): only items with no date range. The `undated` facet counts them; they never match "
    "a year range, century or decade.",
)
YEAR_SCHEMA = {
    "anyOf": [
        {"type": "integer", "minimum": YEARS[0], "maximum": YEARS[1]},
        {"type": "string", "maxLength": MAX_LENGTH},
    ]
}
YEAR_FROM = Parameter(
    "from",
    _("From year"),
    read_year,
    schema=YEAR_SCHEMA,
    description=f"Earliest year, {DATE_PHRASES}: its earliest year. Items whose date range "
    "overlaps from..to are returned.",
)
YEAR_TO = Parameter(
    "to",
    _("To year"),
    partial(read_year, latest=True),
    schema=YEAR_SCHEMA,
    description=f"Latest year of the range, {DATE_PHRASES}: its latest year; not before `from`.",
)
WORDS = Parameter(
    "words",
    _("Search the words"),
    read_flag,
    default=False,
    schema={"type": "boolean", "default": False},
    description="true (or 1): `q` is searched as words even when all of it reads as a date phrase.",
)
SORT = Parameter(
    "sort",
    _("Sort by"),
    read_sort,
    schema={"type": "string", "enum": list(SORTS)},
    description="relevance (default with q), date (oldest first), -date (newest first), title (default without q).",
)
PAGE = Parameter(
    "page",
    _("Page"),
    read_page,
    default=1,
    schema={"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1},
    description=f"{PER_PAGE} results a page; a page past the end returns the last page.",
)

SEARCH_PARAMETERS = (TEXT, LANGUAGE, *FACET_PARAMETERS.values(), UNDATED, YEAR_FROM, YEAR_TO, SORT, PAGE, WORDS)
SUGGEST_PARAMETERS = (TEXT, LANGUAGE)


def parse_search(params: QueryDict, language: str | None = None) -> Reading:
    """The search a query string asks for, each bad value left out and named; the page gives its own
    `language`, the API reads `lang`. Of the catalogue only the named periods are read, for dates (read_search
    asks the rest)."""
    parameters = SEARCH_PARAMETERS if language is None else tuple(p for p in SEARCH_PARAMETERS if p is not LANGUAGE)
    values, problems = read_parameters(params, parameters)
    year_from, year_to = values["from"], values["to"]
    if reversed_year_range := reversed_range(year_from, year_to):
        problems.append(reversed_year_range)
        year_from, year_to = year_to, year_from
    query = SearchQuery(
        text=values["q"],
        language=language or values["lang"],
        filters={facet.name: values[facet.name] for facet in FACETS if values[facet.name]},
        year_from=year_from,
        year_to=year_to,
        undated=values["undated"],
        as_words=values["words"],
        dates=None if values["words"] else date_in_words(values["q"]),
        sort=values["sort"] or ("relevance" if values["q"] else "title"),
        page=values["page"],
    )
    return Reading(query, tuple(problems))


def read_search(params: QueryDict, language: str | None = None) -> Reading:
    """parse_search, then the keys of the catalogue facets looked up: one the catalogue does not hold
    (a mistyped creator, a collection of the other language) is left out and named too."""
    reading = parse_search(params, language)
    query, problems, filters = reading.query, list(reading.problems), {}
    for name, values in query.filters.items():
        known = set(labels_for(name, set(values), query.language)) if FACET[name].holds_keys else set(values)
        problems += [
            Problem(name, FACET_PARAMETERS[name].label, not_in_catalogue(value))
            for value in values
            if value not in known
        ]
        if kept := tuple(value for value in values if value in known):
            filters[name] = kept
    return Reading(replace(query, filters=filters), tuple(problems))
