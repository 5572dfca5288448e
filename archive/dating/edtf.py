"""A curator's date as the Extended Date/Time Format (EDTF, ISO 8601-2, level 1), for citations and exports.

From the stored pair and the text: "apie 1935 m." with 1930-1940 is `1935~` (approximate: CIRCA_MARGIN years
either side, as the parser reads it), a single year is `1935`, a whole decade `193X`, a whole century `19XX`,
anything else the interval `1933/1937`. A text that names days or months gives them when its reading agrees
with the stored years: `1935-05-03`, `1935-05`, `1935-05-03/1935-05-10`, `1944-12/1945-02`. Every form reads
back (edtf_input.py) to the same years and days; the one exception is a curator's own range narrower than
the margin around a circa text ("apie 1935 m." stored as 1933-1937), which stays `1935~` as written.
The text keeps what the curator wrote; these forms are what reference managers and aggregators sort by.
"""

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .grammar import CIRCA_MARGIN, month_end
from .parser import CIRCA_WORDS, DateParseError, normalise, parse_date


def qualifier(text: str) -> str:
    """EDTF's mark for what the curator wrote: '~' approximate ('apie 1935 m.', 'c. 1935', '1935~'), '?'
    uncertain ('1935?'), '%' both, '' otherwise (also for an interval with one end qualified)."""
    phrase = normalise(text)
    if re.match(rf"{CIRCA_WORDS}(?:\s|\d|$)", phrase):
        return "~"
    marks = {match.group(1) for match in re.finditer(r"\d\s*([~?%])(?=/|$)", phrase)}
    ends = phrase.count("/") + 1
    if len(marks) == 1 and len(re.findall(r"[~?%](?=/|$)", phrase)) == ends:
        return marks.pop()
    return ""


def edtf_year(year: int) -> str:
    return f"-{abs(year):04d}" if year < 0 else f"{year:04d}"


def edtf_days(first: date, last: date) -> str:
    """A day, a month, or an interval of either: '1935-05-03', '1935-05', '1935-05/1935-06'."""
    if first == last:
        return first.isoformat()
    if first.day == 1 and last == month_end(last.year, last.month):
        start, end = (f"{edtf_year(day.year)}-{day.month:02d}" for day in (first, last))
        return start if start == end else f"{start}/{end}"
    return f"{first.isoformat()}/{last.isoformat()}"


@dataclass(frozen=True)
class Dating:
    """The date of a work as citations need it: the year to sort by, an EDTF string, how sure it is."""

    earliest: int
    latest: int
    qualifier: str = ""
    first_day: date | None = None
    last_day: date | None = None

    @property
    def approximate(self) -> bool:
        return bool(self.qualifier)

    @property
    def central_year(self) -> int | None:
        """The year a qualified date is about ('apie 1935' widened symmetrically), else None."""
        if self.approximate and (self.latest - self.earliest) % 2 == 0:
            return (self.earliest + self.latest) // 2
        return None

    @property
    def edtf(self) -> str:
        if self.first_day and self.last_day:
            return edtf_days(self.first_day, self.last_day)
        mark = self.qualifier
        if mark:
            low, high = self.earliest + CIRCA_MARGIN, self.latest - CIRCA_MARGIN
            if low <= high:
                return f"{edtf_year(low)}{mark}" if low == high else f"{edtf_year(low)}{mark}/{edtf_year(high)}{mark}"
            if self.central_year is not None:
                return f"{edtf_year(self.central_year)}{mark}"
        return self.unspecified_digits() or self.level_0

    def unspecified_digits(self) -> str:
        """'193X' for a whole decade, '19XX' for a whole century, else ''."""
        if self.earliest < 0:
            return ""
        if self.earliest % 10 == 0 and self.latest == self.earliest + 9:
            return f"{self.earliest // 10:03d}X"
        if self.earliest % 100 == 0 and self.latest == self.earliest + 99:
            return f"{self.earliest // 100:02d}XX"
        return ""

    @property
    def level_0(self) -> str:
        """EDTF level 0, which is plain ISO 8601: '1935', '1933/1937', '1935-05-03', for schema.org."""
        if self.first_day and self.last_day:
            return edtf_days(self.first_day, self.last_day)
        if self.earliest == self.latest:
            return edtf_year(self.earliest)
        return f"{edtf_year(self.earliest)}/{edtf_year(self.latest)}"

    @property
    def exact_year(self) -> int | None:
        """The year when the work is dated to one year without a qualifier ('1935', '1935-05-03'), else None:
        a circa or a range has no year a citation may print as exact."""
        return self.earliest if self.earliest == self.latest and not self.approximate else None


@lru_cache(maxsize=4096)  # pure, and exports read the same few texts thousands of times
def days_in(text: str, earliest: int, latest: int) -> tuple[date | None, date | None]:
    """The days the text names, when its reading gives the stored years (named periods never name days)."""
    try:
        reading = parse_date(text)
    except DateParseError:
        return None, None
    if reading.first_day and (reading.earliest, reading.latest) == (earliest, latest):
        return reading.first_day, reading.last_day
    return None, None


def dating(text: str, earliest: int | None, latest: int | None) -> Dating | None:
    """None for an undated work: no year is invented."""
    if earliest is None:
        return None
    latest = earliest if latest is None else latest
    first_day, last_day = days_in(text or "", earliest, latest)
    return Dating(earliest, latest, "" if first_day else qualifier(text or ""), first_day, last_day)
