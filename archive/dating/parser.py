"""Parse the date text curators write ("apie 1935 m.", "XIX a. pab.", "1930s", "tarpukaris") into years.

Conventions (the same for every caller, so a range means the same thing everywhere):
- bounds are inclusive; a century is its years 00-99 ("XIX a." is 1800-1899);
- a century's beginning, middle and end are its thirds (00-32, 33-66, 67-99), halves are 00-49 and 50-99;
- a decade given by ordinal within a century follows Lithuanian usage: "XX a. 4-asis dešimtmetis" is 1930-1939;
  an ordinal decade with no century means the 20th century, the century of this library's collections;
- "circa" widens by CIRCA_MARGIN years on each side; "before/until X" and "after/from X" reach OPEN_SPAN years
  out from X;
- a decade's early, mid and late parts are its years 0-3, 4-6, 7-9 ("early 1930s" is 1930-1933);
- ranges of centuries and decades run from the start of the first to the end of the last ("XVI–XVII a.",
  "1920s–1930s", "XX a. 3–4 dešimtmetis"), as does any "A - B" of two phrases;
- "undated" has no range at all, never year 0. Text the parser does not know is an error, never a guess: the
  message suggests forms like the text (examples_for).
Days, months, seasons and parts of a year are in days.py (a reading then has first_day and last_day too);
EDTF as input in edtf_input.py; named periods are the table curators edit in the admin (models.NamedPeriod).
Where to add a form: a function `(phrase, periods) -> Years | Days | None` in the families of reading().
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from . import days
from .edtf_input import read_edtf
from .grammar import CIRCA_MARGIN, DASH, LETTERS, OPEN_SPAN, YEAR_SUFFIX, Bounds, join, normalise

UNDATED = {"nedatuota", "nedatuotas", "be datos", "data nežinoma", "undated", "n.d.", "nd", "s.a.", "unknown date"}
__all__ = ["CIRCA_MARGIN", "OPEN_SPAN", "DateParseError", "YearRange", "normalise", "parse_date"]


class DateParseError(ValueError):
    """The text is not a date phrase the parser knows."""


@dataclass(frozen=True)
class YearRange:
    """The reading of a date text; first_day and last_day only when the text names months or days."""

    text: str
    earliest: int | None
    latest: int | None
    first_day: date | None = None
    last_day: date | None = None

    @property
    def undated(self) -> bool:
        return self.earliest is None


ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
ORDINAL_WORDS = {
    "pirm": 1,
    "antr": 2,
    "treči": 3,
    "trečio": 3,
    "ketvirt": 4,
    "penkt": 5,
    "šešt": 6,
    "septint": 7,
    "aštunt": 8,
    "devint": 9,
    "dešimt": 10,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
CENTURY_PARTS = {
    "early": (0, 32),
    "beginning": (0, 32),
    "start": (0, 32),
    "pr": (0, 32),
    "pradž": (0, 32),
    "mid": (33, 66),
    "middle": (33, 66),
    "vid": (33, 66),
    "vidur": (33, 66),
    "late": (67, 99),
    "end": (67, 99),
    "pab": (67, 99),
    "pabaig": (67, 99),
    "first half": (0, 49),
    "i pus": (0, 49),
    "pirmoji pus": (0, 49),
    "pirmojoje pus": (0, 49),
    "second half": (50, 99),
    "ii pus": (50, 99),
    "antroji pus": (50, 99),
    "antrojoje pus": (50, 99),
}
CIRCA_WORDS = r"(?:apie|apytiksliai|maždaug|circa|ca\.?|c\.|approx\.?|about|around|~)"
BEFORE_WORDS = r"(?:iki|prieš|before|until|by|not after|ne vėliau kaip)"
AFTER_WORDS = r"(?:po|nuo|after|from|since|not before|ne anksčiau kaip)"


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
    # EDTF reads the text as written: '1905-08' (a month) and '1905–08' (two years) differ only in the dash.
    bounds = read_edtf(original) or years_of(phrase, periods or {})
    first, last = bounds
    if first > last:
        shown = (first, last) if isinstance(first, int) else (first.isoformat(), last.isoformat())
        raise DateParseError(f"'{original}' ends before it starts ({shown[0]} > {shown[1]}).")
    if isinstance(first, date):
        return YearRange(original, first.year, last.year, first, last)
    return YearRange(original, first, last)


def years_of(phrase: str, periods: Mapping[str, tuple[int, int]]) -> Bounds:
    found = reading(phrase, periods)
    if found is None:
        raise DateParseError(f"'{phrase}' is not a date phrase the archive knows. Write e.g. {examples_for(phrase)}.")
    return found


def reading(phrase: str, periods: Mapping[str, tuple[int, int]]) -> Bounds | None:
    families = (
        named_period,
        plain_years,
        circa,
        before_or_after,
        decade,
        part_of_a_decade,
        decade_range,
        century_range,
        century_phrase,
        *days.FAMILIES,
        read_edtf,
        two_phrases,
    )
    for parse in families:
        found = parse(phrase, periods)
        if found is not None:
            return found
    return None


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
        rf"(?:([ivxlc]+) (?:a\.|amžiaus|amž\.) )?(\d{{1,2}}|[{LETTERS}]+)(?:-?[{LETTERS}]+)? {DECADE_WORD}", phrase
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


DECADE_WORD = r"dešimtme(?:tis|tyje|tys|tio|čio|čiai|čiais)"
DECADE_PARTS = {
    "early": (0, 3),
    "pradžia": (0, 3),
    "pradžioje": (0, 3),
    "pr.": (0, 3),
    "mid": (4, 6),
    "middle": (4, 6),
    "vidurys": (4, 6),
    "viduryje": (4, 6),
    "vid.": (4, 6),
    "late": (7, 9),
    "pabaiga": (7, 9),
    "pabaigoje": (7, 9),
    "pab.": (7, 9),
}


def part_of_a_decade(phrase: str, periods) -> tuple[int, int] | None:
    """Thirds of a decade (0-3, 4-6, 7-9): 'early 1930s', 'mid-1930s', '1930-ųjų pabaiga',
    'XX a. 4-ojo dešimtmečio pradžia'."""
    match = re.fullmatch(r"(?:the )?(early|mid|middle|late)[- ](?:the )?(.+)", phrase) or re.fullmatch(
        r"(.+) (pradžia|pradžioje|pr\.|vidurys|viduryje|vid\.|pabaiga|pabaigoje|pab\.)", phrase
    )
    if not match:
        return None
    part, rest = match.groups() if match.group(1) in DECADE_PARTS else match.groups()[::-1]
    found = decade(rest, periods)
    if found is None:
        return None
    low, high = DECADE_PARTS[part]
    return found[0] + low, found[0] + high


def decade_range(phrase: str, _periods=None) -> tuple[int, int] | None:
    """'XX a. 3-4 dešimtmetis', '3-4-asis dešimtmetis': from the first decade's start to the second's end."""
    match = re.fullmatch(
        rf"(?:([ivxlc]+) (?:a\.|amžiaus|amž\.) )?(\d{{1,2}})(?:-?[{LETTERS}]+)?{DASH}(\d{{1,2}})(?:-?[{LETTERS}]+)? "
        rf"{DECADE_WORD}",
        phrase,
    )
    if not match:
        return None
    century = roman_to_int(match.group(1)) if match.group(1) else 20
    first, last = ordinal_value(match.group(2)), ordinal_value(match.group(3))
    if first is None or last is None:
        return None
    return (century - 1) * 100 + (first - 1) * 10, (century - 1) * 100 + last * 10 - 1


def century_range(phrase: str, _periods=None) -> tuple[int, int] | None:
    """'XVI-XVII a.', '16th-17th century', '16th-17th c.': from the first century's start to the second's end."""
    match = re.fullmatch(
        rf"([ivxlc]+){DASH}([ivxlc]+) (?:a\.|amž\.|amžius|amžiai|amžiuje|amžiuose|amžiaus|amžių)", phrase
    )
    if match:
        first, last = roman_to_int(match.group(1)), roman_to_int(match.group(2))
    else:
        match = re.fullmatch(
            rf"(?:the )?(\d{{1,2}})(?:st|nd|rd|th)?{DASH}(\d{{1,2}})(?:st|nd|rd|th) (?:centuries|century|cent\.|c\.?)",
            phrase,
        )
        if not match:
            return None
        first, last = int(match.group(1)), int(match.group(2))
    if first < 1:
        return None
    return (first - 1) * 100, last * 100 - 1


def two_phrases(phrase: str, periods) -> Bounds | None:
    """'XIX a. pab. - XX a. pr.', '1920s-1930s', '1935 m. gegužės 3 d. - 1936 m. birželio 1 d.': from the
    start of the first to the end of the second (to the day when both name days)."""
    # A dash without spaces joins two phrases only after a word ('1920s-1930s'), never after a bare year.
    for separator in re.finditer(r"\s+-\s+|\s+(?:iki|to)\s+|(?<!\d)-", phrase):
        first = reading(phrase[: separator.start()].strip(), periods)
        second = reading(phrase[separator.end() :].strip(), periods) if first else None
        if first and second:
            return join(first, second)
    return None


def examples_for(phrase: str) -> str:
    """Forms like the refused text, in both languages, so the message suggests what to write."""
    words = set(re.findall(rf"[{LETTERS}]+", phrase))
    if words & set(days.MONTHS):
        return "'1935 m. gegužės 3 d.', '3 May 1935', '1935 m. gegužės 3–10 d.', '1935 m. gegužė', 'May–June 1935'"
    if words & set(days.SEASONS):
        return "'1939 m. pavasaris', 'spring 1939', '1944–1945 m. žiema' or 'winter 1944–45'"
    if re.search(r"[x~?%/\[{]|\.\.", phrase) and re.search(r"\d", phrase):
        return "EDTF '1935', '1935-05-03', '1935~', '193X', '19XX', '1935-05/1935-06' or '[1935..1937]'"
    if words & {"century", "c", "cent", "a", "amžius", "amžiaus", "dešimtmetis", "s", "early", "mid", "late"}:
        return (
            "'XVI–XVII a.', '16th–17th century', 'XIX a. pab.', 'mid-19th c.', '1920s–1930s', 'early 1930s' "
            "or 'XX a. 3–4 dešimtmetis'"
        )
    return (
        "'1936 m.', '1935–1937 m.', 'apie 1935 m.', 'XX a. 4-asis dešimtmetis', 'XIX a. pab.', 'iki 1940 m.', "
        "'1935 m. gegužės 3 d.', 'May 1935', 'tarpukaris' or 'nedatuota'"
    )
