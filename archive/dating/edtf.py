"""A curator's date as the Extended Date/Time Format (EDTF, ISO 8601-2, level 1), for citations and exports.

From the stored pair and the text: "apie 1935 m." with 1930-1940 is `1935~` (approximate), a single year is
`1935`, a whole decade `193X`, a whole century `19XX`, anything else the interval `1933/1937`. The text
keeps what the curator wrote; these forms are what reference managers and aggregators can sort by.
"""

import re
from dataclasses import dataclass

from .parser import CIRCA_WORDS, normalise


def qualifier(text: str) -> str:
    """EDTF's mark for what the curator wrote: '~' approximate ('apie 1935 m.', 'c. 1935'), '?' uncertain
    ('1935?'), '' otherwise."""
    phrase = normalise(text)
    if re.match(rf"{CIRCA_WORDS}(?:\s|\d|$)", phrase):
        return "~"
    return "?" if re.search(r"\d\s*\?$", phrase) else ""


@dataclass(frozen=True)
class Dating:
    """The date of a work as citations need it: the year to sort by, an EDTF string, how sure it is."""

    earliest: int
    latest: int
    qualifier: str = ""

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
        suffix = self.qualifier
        if self.central_year is not None:
            return f"{self.central_year}{suffix}"
        if self.earliest == self.latest:
            return f"{self.earliest}{suffix}"
        if not suffix and self.earliest >= 0 and self.earliest % 10 == 0 and self.latest == self.earliest + 9:
            return f"{self.earliest // 10}X"
        if not suffix and self.earliest >= 0 and self.earliest % 100 == 0 and self.latest == self.earliest + 99:
            return f"{self.earliest // 100}XX"
        return f"{self.earliest}{suffix}/{self.latest}{suffix}"

    @property
    def year_text(self) -> str:
        """One year where there is one ('1935', circa included), else the range '1930--1939' (BibTeX dash)."""
        year = self.central_year if self.central_year is not None else (
            self.earliest if self.earliest == self.latest else None)
        return str(year) if year is not None else f"{self.earliest}--{self.latest}"


def dating(text: str, earliest: int | None, latest: int | None) -> Dating | None:
    """None for an undated work: no year is invented."""
    if earliest is None:
        return None
    return Dating(earliest, earliest if latest is None else latest, qualifier(text or ""))
