"""How one value of the search URL is read: `Rejected` for a value a parameter cannot take, and the readers
of facet values, which the facet table (search/facet_table.py) names row by row. search/parameters.py reads
the other parameters with the same means."""

from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from archive.catalogue.models import WorkStatus
from search.text import searchable_text

CENTURIES = (1, 21)
LAST_DECADE = 2100
MAX_DIGITS = 6  # int() refuses 4,300 digits with an error of its own, and no value here needs more than 6
SHOWN = 40  # characters of a refused value quoted back

LEFT_OUT = _("It was left out.")


class Rejected(ValueError):
    """A value a parameter cannot take: `reason` says what it takes; the page searches with `instead`."""

    def __init__(self, reason: Promise, instead=None, consequence: Promise = LEFT_OUT):
        super().__init__(reason)
        self.reason, self.instead, self.consequence = reason, instead, consequence


def quoted(value: str) -> str:
    text = searchable_text(value)
    return text if len(text) <= SHOWN else f"{text[:SHOWN]}…"


def whole_number(value: str) -> int | None:
    """ASCII digits only: int() also reads "２０２０" and "1_950"."""
    digits = value.removeprefix("-")
    if not (digits.isascii() and digits.isdigit() and len(digits) <= MAX_DIGITS):
        return None
    return int(value)


def read_century(value: str) -> str:
    century = whole_number(value)
    if century is not None and CENTURIES[0] <= century <= CENTURIES[1]:
        return str(century)
    raise Rejected(
        format_lazy(
            _("“{value}” is not a century: give a number from {first} to {last} (20 is 1900-1999)."),
            value=quoted(value),
            first=CENTURIES[0],
            last=CENTURIES[1],
        )
    )


def read_decade(value: str) -> str:
    """A decade is named by its first year, "1930" for 1930-1939, as far as the 21st century."""
    decade = whole_number(value)
    if decade is not None and decade % 10 == 0 and 0 <= decade <= LAST_DECADE:
        return str(decade)
    raise Rejected(
        format_lazy(
            _("“{value}” is not a decade: give its first year, a multiple of 10 up to {last} (1930 is 1930-1939)."),
            value=quoted(value),
            last=LAST_DECADE,
        )
    )


def read_state(value: str) -> str:
    if value in WorkStatus.values:
        return value
    raise Rejected(
        format_lazy(
            _("“{value}” is not a state of a work: give one of {choices}."),
            value=quoted(value),
            choices=", ".join(WorkStatus.values),
        )
    )


def not_in_catalogue(value: str) -> Promise:
    return format_lazy(
        _("“{value}” is not in the catalogue: give a value listed under this filter in the search results."),
        value=quoted(value),
    )


def read_key(value: str) -> str:
    """A key, slug or tag: whether the catalogue holds it is asked later, of every value at once."""
    if searchable_text(value) != value:
        raise Rejected(not_in_catalogue(value))
    return value
