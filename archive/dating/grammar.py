"""What every date family shares: the margins, the words for 'year', and the two shapes a reading comes in.

A family reads a normalised phrase into `Years` (earliest, latest) or, when the text names months or days,
`Days` (first day, last day): both inclusive. The parser turns either into a YearRange.
"""

import re
from datetime import date, timedelta

CIRCA_MARGIN = 5
OPEN_SPAN = 20

Years = tuple[int, int]
Days = tuple[date, date]
Bounds = Years | Days

LETTERS = r"a-zšėčžąęįųū"
YEAR_SUFFIX = r"(?:\s*(?:m\.?|metai|metais|metų|metus|y\.?))?"
# A dash between two parts once normalise() has folded en and em dashes into '-'.
DASH = r"\s*-\s*"


def normalise(text: str) -> str:
    text = text.strip().lower()
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = re.sub(r"\s+", " ", text)
    return text.rstrip(" ,;")


def month_end(year: int, month: int) -> date:
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)


def whole_months(year: int, first_month: int, last_month: int, last_year: int | None = None) -> Days:
    return date(year, first_month, 1), month_end(last_year or year, last_month)


def years_of_bounds(bounds: Bounds) -> Years:
    first, last = bounds
    return (first.year, last.year) if isinstance(first, date) else (first, last)


def join(first: Bounds, second: Bounds) -> Bounds:
    """From the start of one reading to the end of another, to the day when both have days."""
    if isinstance(first[0], date) and isinstance(second[0], date):
        return first[0], second[1]
    return years_of_bounds(first)[0], years_of_bounds(second)[1]
