"""Parse the date text curators write ("apie 1935 m.", "XIX a. pab.", "1930s", "tarpukaris") into years.

Conventions (the same for every caller, so a range means the same thing everywhere):
- bounds are inclusive; a century is its years 00-99 ("XIX a." is 1800-1899);
- a century's beginning, middle and end are its thirds (00-32, 33-66, 67-99), halves are 00-49 and 50-99;
- a decade given by ordinal within a century follows Lithuanian usage: "XX a. 4-asis dešimtmetis" is 1930-1939;
  an ordinal decade with no century means the 20th century, the century of this library's collections;
- "circa" widens by CIRCA_MARGIN years on each side; "before/until X" and "after/from X" reach OPEN_SPAN years
  out from X;
- "undated" has no range at all, never year 0. Text the parser does not know is an error, never a guess.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass

CIRCA_MARGIN = 5
OPEN_SPAN = 20

UNDATED = {"nedatuota", "nedatuotas", "be datos", "data nežinoma", "undated", "n.d.", "nd", "s.a.", "unknown date"}


class DateParseError(ValueError):
    """The text is not a date phrase the parser knows."""


@dataclass(frozen=True)
class YearRange:
    text: str
    earliest: int | None
    latest: int | None

    @property
    def undated(self) -> bool:
        return self.earliest is None


ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
ORDINAL_WORDS = {
    "pirm": 1, "antr": 2, "treči": 3, "trečio": 3, "ketvirt": 4, "penkt": 5, "šešt": 6, "septint": 7,
    "aštunt": 8, "devint": 9, "dešimt": 10,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10,
}
CENTURY_PARTS = {
    "early": (0, 32), "beginning": (0, 32), "start": (0, 32), "pr": (0, 32), "pradž": (0, 32),
    "mid": (33, 66), "middle": (33, 66), "vid": (33, 66), "vidur": (33, 66),
    "late": (67, 99), "end": (67, 99), "pab": (67, 99), "pabaig": (67, 99),
    "first half": (0, 49), "i pus": (0, 49), "pirmoji pus": (0, 49), "pirmojoje pus": (0, 49),
    "second half": (50, 99), "ii pus": (50, 99), "antroji pus": (50, 99), "antrojoje pus": (50, 99),
}
CIRCA_WORDS = r"(?:apie|apytiksliai|maždaug|circa|ca\.?|c\.|approx\.?|about|around|~)"
BEFORE_WORDS = r"(?:iki|prieš|before|until|by|not after|ne vėliau kaip)"
AFTER_WORDS = r"(?:po|nuo|after|from|since|not before|ne anksčiau kaip)"
YEAR_SUFFIX = r"(?:\s*(?:m\.?|metai|metais|metų|metus|y\.?))?"


def normalise(text: str) -> str:
    text = text.strip().lower()
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = re.sub(r"\s+", " ", text)
    return text.rstrip(" ,;")


def roman_to_int(numeral: str) -> int:
    total, previous = 0, 0
    for char in reversed(numeral.lower()):
        value = ROMAN[char]
        total += -value if value < previous else value
        previous = max(previous, value)
    return total


def parse_date(text: str, periods: Mapping[str, tuple[int, int]] | None = None) -> YearRange:
    """Turn date text into a YearRange; raises DateParseError for text it does not know."""
    original = text or ""
    phrase = normalise(original)
    if not phrase:
        raise DateParseError("The date is empty: write the date as the source gives it, or 'nedatuota'.")
    if phrase in UNDATED:
        return YearRange(original, None, None)
    earliest, latest = years_of(phrase, periods or {})
    if earliest > latest:
        raise DateParseError(f"'{original}' ends before it starts ({earliest} > {latest}).")
    return YearRange(original, earliest, latest)


def years_of(phrase: str, periods: Mapping[str, tuple[int, int]]) -> tuple[int, int]:
    for parse in (named_period, plain_years, circa, before_or_after, decade, century_phrase, two_phrases):
        found = parse(phrase, periods)
        if found is not None:
            return found
    raise DateParseError(
        f"'{phrase}' is not a date phrase the archive knows. Write e.g. '1936 m.', '1935–1937 m.', "
        "'apie 1935 m.', 'XX a. 4-asis dešimtmetis', 'XIX a. pab.', 'iki 1940 m.', 'tarpukaris' or 'nedatuota'."
    )


def named_period(phrase: str, periods: Mapping[str, tuple[int, int]]) -> tuple[int, int] | None:
    return periods.get(phrase)


def plain_years(phrase: str, _periods=None) -> tuple[int, int] | None:
    match = re.fullmatch(rf"(?:in )?(\d{{3,4}}){YEAR_SUFFIX}", phrase)
    if match:
        year = int(match.group(1))
        return year, year
    match = re.fullmatch(
        rf"(?:between |nuo )?(\d{{3,4}}){YEAR_SUFFIX}\s*(?:-|and|to|iki|–)\s*(\d{{1,4}}){YEAR_SUFFIX}", phrase
    )
    if match:
        start, end_text = int(match.group(1)), match.group(2)
        end = int(end_text) if len(end_text) >= len(match.group(1)) else complete_year(start, end_text)
        return start, end
    return None


def complete_year(start: int, short_end: str) -> int:
    """'1935-37' ends in 1937: the short end takes the start's leading digits."""
    prefix = str(start)[: len(str(start)) - len(short_end)]
    return int(prefix + short_end)


def circa(phrase: str, periods) -> tuple[int, int] | None:
    match = re.fullmatch(rf"{CIRCA_WORDS}\s*(.+?)\??", phrase) or re.fullmatch(r"(\d{3,4})\s*\?", phrase)
    if not match:
        return None
    inner = plain_years(match.group(1)) or decade(match.group(1), periods)
    if inner is None:
        return None
    return inner[0] - CIRCA_MARGIN, inner[1] + CIRCA_MARGIN


def before_or_after(phrase: str, _periods=None) -> tuple[int, int] | None:
    match = re.fullmatch(rf"{BEFORE_WORDS}\s+(\d{{3,4}}){YEAR_SUFFIX}", phrase)
    if match:
        year = int(match.group(1))
        return year - OPEN_SPAN, year
    match = re.fullmatch(rf"{AFTER_WORDS}\s+(\d{{3,4}}){YEAR_SUFFIX}", phrase)
    if match:
        year = int(match.group(1))
        return year, year + OPEN_SPAN
    return None


def decade(phrase: str, _periods=None) -> tuple[int, int] | None:
    match = re.fullmatch(r"(?:the )?(\d{3})0(?:'?s|-ieji|-aisiais|-ųjų|-uosius| m\. dešimtmetis)", phrase)
    if match:
        start = int(match.group(1)) * 10
        return start, start + 9
    match = re.fullmatch(
        r"(?:([ivxlc]+) (?:a\.|amžiaus|amž\.) )?(\d{1,2}|[a-zšėčžąęįųū]+)(?:-?[a-zšėčžąęįųū]+)? "
        r"dešimtmet(?:is|yje|ys|io)", phrase
    )
    if match:
        century = roman_to_int(match.group(1)) if match.group(1) else 20
        ordinal = ordinal_value(match.group(2))
        if ordinal is None:
            return None
        start = (century - 1) * 100 + (ordinal - 1) * 10
        return start, start + 9
    return None


def ordinal_value(token: str) -> int | None:
    if token.isdigit():
        value = int(token)
        return value if 1 <= value <= 10 else None
    for stem, value in ORDINAL_WORDS.items():
        if token.startswith(stem):
            return value
    return None


def century_phrase(phrase: str, _periods=None) -> tuple[int, int] | None:
    century, rest = split_century(phrase)
    if century is None:
        return None
    start = (century - 1) * 100
    rest = re.sub(r"\bthe\b", "", rest).strip(" .,")
    if not rest:
        return start, start + 99
    for words, (low, high) in sorted(CENTURY_PARTS.items(), key=lambda pair: -len(pair[0])):
        if re.fullmatch(rf"{re.escape(words)}[a-zšėčžąęįųū]*\.?(?: of)?", rest):
            return start + low, start + high
    return None


def split_century(phrase: str) -> tuple[int | None, str]:
    """(century number, the words around it) for 'XIX a. pab.', 'late 19th century', 'early 20th c.'."""
    match = re.fullmatch(r"(?:(.*?)\s)?([ivxlc]+) (?:a\.|amž\.|amžiaus|amžius|amžiuje)(.*)", phrase)
    if match:
        return roman_to_int(match.group(2)), f"{match.group(1) or ''} {match.group(3)}"
    match = re.fullmatch(r"(?:(.*?)[\s-])?(?:the )?(\d{1,2})(?:st|nd|rd|th) (?:century|cent\.|c\.?)(.*)", phrase)
    if match:
        return int(match.group(2)), f"{match.group(1) or ''} {match.group(3)}"
    return None, ""


def two_phrases(phrase: str, periods) -> tuple[int, int] | None:
    """'XIX a. pab. - XX a. pr.' or '1930s - 1940s': from the start of the first to the end of the second."""
    parts = re.split(r"\s+-\s+|\s+(?:iki|to)\s+", phrase, maxsplit=1)
    if len(parts) != 2:
        return None
    try:
        first, second = years_of(parts[0], periods), years_of(parts[1], periods)
    except DateParseError:
        return None
    return first[0], second[1]
