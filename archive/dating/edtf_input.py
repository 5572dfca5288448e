"""EDTF (ISO 8601-2) as a date text, so another system's dates read exactly: level 0 and 1, and simple sets.

Grammar, on the text as written (no spaces):
- a date: '1935', '1935-05', '1935-05-03'; 'X' for unspecified digits: '193X', '19XX', '1935-XX', '1935-05-XX';
- a season: '1939-21' spring, '-22' summer, '-23' autumn, '-24' winter (a winter of one year is that year),
  read as a season only where it cannot be a short range ('1915-22' stays 1915-1922);
- a qualifier after a date: '~' approximate, '?' uncertain, '%' both: CIRCA_MARGIN years either side, as
  'apie 1935 m.' reads ('1935~' is 1930-1940);
- an interval 'A/B' of any two of these; an open or unknown end ('../1940', '1945/..', '/1940') reaches
  OPEN_SPAN years out, as 'iki 1940 m.' and 'po 1945 m.' do;
- a set '[1935..1937]', '[1935,1937]', '{1935..1937}': from its first to its last member.
A plain hyphen between a year and two digits 01-12 is a month (ISO 8601): write a short range with a dash,
'1905–08', or in full. Our own EDTF output (edtf.py) reads back to the same years and days.
"""

import re
from datetime import date

from .grammar import CIRCA_MARGIN, OPEN_SPAN, Bounds, join, whole_months, years_of_bounds

DATE = re.compile(r"(?P<year>\d{4}|\d{3}X|\d{2}XX)(?:-(?P<month>\d{2}|XX)(?:-(?P<day>\d{2}|XX))?)?(?P<mark>[~?%])?")
SEASON_MONTHS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 2)}
OPEN = {"", ".."}


def edtf_date(text: str) -> Bounds | None:
    """One EDTF date as Years or Days; None when the text is not one."""
    match = DATE.fullmatch(text.upper())
    if not match:
        return None
    year, month, day, mark = match.group("year", "month", "day", "mark")
    if "X" in year:
        if month:
            return None
        digits = year.rstrip("X")
        span = 10 ** (len(year) - len(digits))
        bounds: Bounds = (int(digits) * span, int(digits) * span + span - 1)
    else:
        bounds = dated(int(year), month, day)
    if bounds is None or not mark:
        return bounds
    first, last = years_of_bounds(bounds)
    return first - CIRCA_MARGIN, last + CIRCA_MARGIN


def dated(year: int, month: str | None, day: str | None) -> Bounds | None:
    if month in (None, "XX"):
        return None if day else (year, year)
    number = int(month)
    if number in SEASON_MONTHS:
        if day or number >= year % 100 or year == 0:
            return None
        first, last = SEASON_MONTHS[number]
        return (year, year) if last < first else whole_months(year, first, last)
    if not 1 <= number <= 12 or year == 0:
        return None
    if day in (None, "XX"):
        return whole_months(year, number, number)
    try:
        found = date(year, number, int(day))
    except ValueError:
        return None
    return found, found


def edtf_interval(text: str) -> Bounds | None:
    start_text, _slash, end_text = text.partition("/")
    start = None if start_text in OPEN else edtf_date(start_text)
    end = None if end_text in OPEN else edtf_date(end_text)
    if (start is None and start_text not in OPEN) or (end is None and end_text not in OPEN):
        return None
    if start is None and end is None:
        return None
    if start is None:
        latest = years_of_bounds(end)[1]
        return latest - OPEN_SPAN, latest
    if end is None:
        earliest = years_of_bounds(start)[0]
        return earliest, earliest + OPEN_SPAN
    return join(start, end)


def edtf_set(text: str) -> Bounds | None:
    match = re.fullmatch(r"\[(.+)\]|\{(.+)\}", text)
    if not match:
        return None
    members = [edtf_date(member) for member in re.split(r",|\.\.", match.group(1) or match.group(2))]
    if any(member is None for member in members):
        return None
    return join(members[0], members[-1])


def read_edtf(text: str, _periods=None) -> Bounds | None:
    """The reading of an EDTF text; None when it is not EDTF (the other families then try)."""
    text = text.strip()
    if not text or " " in text:
        return None
    if "/" in text:
        return edtf_interval(text)
    return edtf_set(text) or edtf_date(text)
