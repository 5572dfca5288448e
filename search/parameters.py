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
  century  1..21; decade: a multiple of 10 up to 2100; state: a WorkStatus value
  collection, creator, place, technique, subject: a key the catalogue holds (checked by read_search)
  undated  1/true/on/yes or 0/false/off/no;  sort: one of SORTS;  page: 1..MAX_PAGE
Only facets may be repeated. The API also refuses a parameter it does not take; the page ignores one.
To add a parameter: declare it below, list it in SEARCH_PARAMETERS and read it into SearchQuery in
parse_search; the API, the page and the OpenAPI document follow.
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

from archive.catalogue.models import WorkStatus
from search.dates import date_in_words, date_reading
from search.facets import FACET_TITLES, labels_for
from search.query import FACETS, MAX_DECADE_SPAN, MAX_PAGE, PER_PAGE, SORTS, SearchQuery
from search.text import MAX_LENGTH, searchable_text

YEARS = (-3000, 3000)
CENTURIES = (1, 21)
LAST_DECADE = 2100
YES = ("1", "true", "on", "yes")
NO = ("0", "false", "off", "no")
MAX_DIGITS = 6  # int() refuses 4,300 digits with an error of its own, and no value here needs more than 6
SHOWN = 40  # characters of a refused value quoted back

LEFT_OUT = _("It was left out.")


class Rejected(ValueError):
    """A value a parameter cannot take: `reason` says what it takes; the page searches with `instead`."""

    def __init__(self, reason: Promise, instead=None, consequence: Promise = LEFT_OUT):
        super().__init__(reason)
        self.reason, self.instead, self.consequence = reason, instead, consequence


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


@dataclass(frozen=True)
class Reading:
    query: SearchQuery
    problems: tuple[Problem, ...] = ()


def quoted(value: str) -> str:
    text = searchable_text(value)
    return text if len(text) <= SHOWN else f"{text[:SHOWN]}…"


def whole_number(value: str) -> int | None:
    """ASCII digits only: int() also reads "２０２０" and "1_950"."""
    digits = value.removeprefix("-")
    if not (digits.isascii() and digits.isdigit() and len(digits) <= MAX_DIGITS):
        return None
    return int(value)


def read_text(value: str) -> str:
    text = searchable_text(value)
    if len(text) > MAX_LENGTH:
        raise Rejected(format_lazy(_("The text is longer than {limit} characters, the most a search takes."),
                                   limit=MAX_LENGTH),
                       instead=text[:MAX_LENGTH].strip(),
                       consequence=format_lazy(_("Only its first {limit} characters were searched."), limit=MAX_LENGTH))
    return text


def read_language(value: str) -> str:
    if value in dict(settings.LANGUAGES):
        return value
    raise Rejected(format_lazy(_("“{value}” is not a language of the catalogue: give one of {choices}."),
                               value=quoted(value), choices=", ".join(dict(settings.LANGUAGES))))


def read_year(value: str, latest: bool = False) -> int:
    """A year in digits, or a date phrase's earliest year (`latest`: its latest): "early 1930s" is 1930 or 1933."""
    year = whole_number(value)
    if year is None and (reading := date_reading(value)) is not None:
        year = reading.latest if latest else reading.earliest
    if year is not None and YEARS[0] <= year <= YEARS[1]:
        return year
    raise Rejected(format_lazy(_("“{value}” is not a year or a date the archive reads: give a whole number from "
                                 "{first} to {last} in the digits 0-9, or a date such as 1930s or 1935 m. gegužės "
                                 "3 d."), value=quoted(value), first=YEARS[0], last=YEARS[1]))


def read_page(value: str) -> int:
    page = whole_number(value)
    if page is not None and 1 <= page <= MAX_PAGE:
        return page
    raise Rejected(format_lazy(_("“{value}” is not a page number: give a whole number from 1 to {last}."),
                               value=quoted(value), last=MAX_PAGE))


def read_sort(value: str) -> str:
    if value in SORTS:
        return value
    raise Rejected(format_lazy(_("“{value}” is not an order of results: give one of {choices}."),
                               value=quoted(value), choices=", ".join(SORTS)))


def read_flag(value: str) -> bool:
    if value.lower() in YES + NO:
        return value.lower() in YES
    raise Rejected(format_lazy(_("“{value}” is neither yes nor no: give one of {choices}."),
                               value=quoted(value), choices=", ".join(YES + NO)))


def read_century(value: str) -> str:
    century = whole_number(value)
    if century is not None and CENTURIES[0] <= century <= CENTURIES[1]:
        return str(century)
    raise Rejected(format_lazy(_("“{value}” is not a century: give a number from {first} to {last} (20 is "
                                 "1900-1999)."), value=quoted(value), first=CENTURIES[0], last=CENTURIES[1]))


def read_decade(value: str) -> str:
    """A decade is named by its first year, "1930" for 1930-1939, as far as the 21st century."""
    decade = whole_number(value)
    if decade is not None and decade % 10 == 0 and 0 <= decade <= LAST_DECADE:
        return str(decade)
    raise Rejected(format_lazy(_("“{value}” is not a decade: give its first year, a multiple of 10 up to {last} "
                                 "(1930 is 1930-1939)."), value=quoted(value), last=LAST_DECADE))


def read_state(value: str) -> str:
    if value in WorkStatus.values:
        return value
    raise Rejected(format_lazy(_("“{value}” is not a state of a work: give one of {choices}."),
                               value=quoted(value), choices=", ".join(WorkStatus.values)))


def not_in_catalogue(value: str) -> Promise:
    return format_lazy(_("“{value}” is not in the catalogue: give a value listed under this filter in the "
                         "search results."), value=quoted(value))


def read_key(value: str) -> str:
    """A key, slug or tag: whether the catalogue holds it is asked later, of every value at once."""
    if searchable_text(value) != value:
        raise Rejected(not_in_catalogue(value))
    return value


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
            problems.append(Problem(parameter.name, parameter.label, _("It was given more than once: give it once."),
                                    _("The last one was used.")))
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
    return Problem(YEAR_FROM.name, YEAR_FROM.label,
                   format_lazy(_("{start} is later than the end of the range, {end}: give the earlier year first."),
                               start=year_from, end=year_to),
                   _("The two years were swapped."))


FACET_READERS = {"century": read_century, "decade": read_decade, "state": read_state}  # the rest: read_key
CATALOGUE_FACETS = tuple(name for name in FACETS if name not in FACET_READERS)  # values the catalogue holds
FACET_DESCRIPTIONS = {
    "collection": "Collection slug; repeat for any of several.",
    "creator": "Creator key; repeat for any of several.",
    "place": "Place key; repeat for any of several.",
    "technique": "Technique or material key; repeat for any of several.",
    "subject": "Subject slug; repeat for any of several.",
    "century": "Century number (20 = 1900-1999, as the catalogue reads \"XX a.\"); repeat for any of several. "
               "Undated items are in none.",
    "decade": f"First year of a decade (1930 = 1930-1939); repeat for any of several. Undated items, and items "
              f"dated to a range longer than {MAX_DECADE_SPAN} years, are in none.",
    "state": "Current state of the work, after the latest recorded event in its life (lost = destroyed); repeat "
             "for any of several. Items with no recorded events have none.",
}
FACET_SCHEMAS = {
    "century": {"type": "string", "pattern": "^[0-9]+$"},
    "decade": {"type": "string", "pattern": "^[0-9]*0$"},
    "state": {"type": "string", "enum": list(WorkStatus.values)},
}
CATALOGUE_NOTE = " A value the catalogue does not hold is refused: pass back the `value` of a facet."

DATE_PHRASES = ("or a date phrase the archive reads (`1930s`, `early 1930s`, `1935 m. gegužės 3 d.`, `XIX a. pab.`, "
                "`193X`, a named period such as `tarpukaris` or `interwar`)")
TEXT = Parameter(
    "q", _("Search text"), read_text, schema={"type": "string", "maxLength": MAX_LENGTH}, default="",
    description="Words, names, places, techniques or an inventory number. Accents are optional (`vitrazas` finds "
                "`vitražas`); Lithuanian and English word forms are stemmed. Control characters are ignored. When "
                f"all of it is a date phrase other than a bare number, {DATE_PHRASES.removeprefix('or ')}, it is "
                "searched as that year range (with `from`, `to` and the filters) instead of words, and the answer's "
                "`dates` says so; `words=true` searches the words. A bare number (`1935`) is always words.")
LANGUAGE = Parameter(
    "lang", _("Language"), read_language, default=settings.LANGUAGE_CODE,
    schema={"type": "string", "enum": list(dict(settings.LANGUAGES)), "default": settings.LANGUAGE_CODE},
    description="Which language version of the catalogue to search.")
FACET_PARAMETERS = {
    name: Parameter(name, FACET_TITLES[name], FACET_READERS.get(name, read_key), repeated=True, default=(),
                    schema=FACET_SCHEMAS.get(name, {"type": "string"}),
                    description=FACET_DESCRIPTIONS[name] + (CATALOGUE_NOTE if name in CATALOGUE_FACETS else ""))
    for name in FACETS
}
UNDATED = Parameter(
    "undated", _("Undated"), read_flag, default=False, schema={"type": "boolean", "default": False},
    description="true (or 1): only items with no date range. The `undated` facet counts them; they never match "
                "a year range, century or decade.")
YEAR_SCHEMA = {"anyOf": [{"type": "integer", "minimum": YEARS[0], "maximum": YEARS[1]},
                          {"type": "string", "maxLength": MAX_LENGTH}]}
YEAR_FROM = Parameter("from", _("From year"), read_year, schema=YEAR_SCHEMA,
                      description=f"Earliest year, {DATE_PHRASES}: its earliest year. Items whose date range "
                                  "overlaps from..to are returned.")
YEAR_TO = Parameter("to", _("To year"), partial(read_year, latest=True), schema=YEAR_SCHEMA,
                    description=f"Latest year of the range, {DATE_PHRASES}: its latest year; not before `from`.")
WORDS = Parameter(
    "words", _("Search the words"), read_flag, default=False, schema={"type": "boolean", "default": False},
    description="true (or 1): `q` is searched as words even when all of it reads as a date phrase.")
SORT = Parameter(
    "sort", _("Sort by"), read_sort, schema={"type": "string", "enum": list(SORTS)},
    description="relevance (default with q), date (oldest first), -date (newest first), title (default without q).")
PAGE = Parameter(
    "page", _("Page"), read_page, default=1, schema={"type": "integer", "minimum": 1, "maximum": MAX_PAGE,
                                                     "default": 1},
    description=f"{PER_PAGE} results a page; a page past the end returns the last page.")

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
        text=values["q"], language=language or values["lang"],
        filters={name: values[name] for name in FACETS if values[name]},
        year_from=year_from, year_to=year_to, undated=values["undated"], as_words=values["words"],
        dates=None if values["words"] else date_in_words(values["q"]),
        sort=values["sort"] or ("relevance" if values["q"] else "title"), page=values["page"],
    )
    return Reading(query, tuple(problems))


def read_search(params: QueryDict, language: str | None = None) -> Reading:
    """parse_search, then the keys of the catalogue facets looked up: one the catalogue does not hold
    (a mistyped creator, a collection of the other language) is left out and named too."""
    reading = parse_search(params, language)
    query, problems, filters = reading.query, list(reading.problems), {}
    for name, values in query.filters.items():
        known = set(labels_for(name, set(values), query.language)) if name in CATALOGUE_FACETS else set(values)
        problems += [Problem(name, FACET_PARAMETERS[name].label, not_in_catalogue(value))
                     for value in values if value not in known]
        if kept := tuple(value for value in values if value in known):
            filters[name] = kept
    return Reading(replace(query, filters=filters), tuple(problems))
