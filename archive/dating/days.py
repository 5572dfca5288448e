"""Dates finer than a year, in Lithuanian and English: days, months, seasons and parts of a year.

Grammar (phrases are normalised first: lower case, any dash is '-'):
- a day: '1935 m. gegužės 3 d.', '3 May 1935', 'May 3, 1935', '1935.05.03', '03.05.1935' ('1935-05-03' is EDTF);
- days of one month: '1935 m. gegužės 3-10 d.', '3-10 May 1935', 'May 3-10, 1935';
- days across months: '1935 m. gegužės 28 d. - birželio 3 d.', '28 May - 3 June 1935';
- a month, or months: '1935 m. gegužė', '1935 m. gegužės mėn.', 'May 1935', '1935 m. gegužė-birželis', 'May-June 1935';
- a season: '1939 m. pavasaris', 'spring 1939', and a winter over two years: '1944-1945 m. žiema', 'winter 1944-45';
- a part of a year (its thirds and halves): '1939 m. pradžia', 'early 1939', 'mid-1939', 'second half of 1939'.
Spring is March-May, summer June-August, autumn September-November; a winter over two years is December to
February. A winter of one year ('1939 m. žiema') has its months at both ends of that year, so it reads as the
year with no finer day. A day that does not exist ('vasario 30 d.') is not read.
"""

import re
from datetime import date

from .grammar import DASH, LETTERS, YEAR_SUFFIX, Bounds, Days, month_end, whole_months

LITHUANIAN_MONTHS = (
    ("sausis", "sausio", "sausyje", "saus"),
    ("vasaris", "vasario", "vasaryje", "vas"),
    ("kovas", "kovo", "kove", "kov"),
    ("balandis", "balandžio", "balandyje", "bal"),
    ("gegužė", "gegužės", "gegužėje", "geg"),
    ("birželis", "birželio", "birželyje", "birž"),
    ("liepa", "liepos", "liepoje", "liep"),
    ("rugpjūtis", "rugpjūčio", "rugpjūtyje", "rugpj"),
    ("rugsėjis", "rugsėjo", "rugsėjyje", "rugs"),
    ("spalis", "spalio", "spalyje", "spal"),
    ("lapkritis", "lapkričio", "lapkrityje", "lapkr"),
    ("gruodis", "gruodžio", "gruodyje", "gruod"),
)
ENGLISH_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
MONTHS = {form: number for number, forms in enumerate(LITHUANIAN_MONTHS, 1) for form in forms}
MONTHS.update({name: number for number, name in enumerate(ENGLISH_MONTHS, 1)})
MONTHS.update({name[:3]: number for number, name in enumerate(ENGLISH_MONTHS, 1)})
MONTHS["sept"] = 9

SEASONS = {
    "spring": (3, 5),
    "pavasaris": (3, 5),
    "pavasarį": (3, 5),
    "pavasario": (3, 5),
    "summer": (6, 8),
    "vasara": (6, 8),
    "vasarą": (6, 8),
    "vasaros": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "ruduo": (9, 11),
    "rudenį": (9, 11),
    "rudens": (9, 11),
    "winter": (12, 2),
    "žiema": (12, 2),
    "žiemą": (12, 2),
    "žiemos": (12, 2),
}
YEAR_PARTS = {
    "early": (1, 4),
    "pradžia": (1, 4),
    "pradžioje": (1, 4),
    "pr.": (1, 4),
    "mid": (5, 8),
    "middle": (5, 8),
    "vidurys": (5, 8),
    "viduryje": (5, 8),
    "vid.": (5, 8),
    "late": (9, 12),
    "pabaiga": (9, 12),
    "pabaigoje": (9, 12),
    "pab.": (9, 12),
    "first half": (1, 6),
    "i pusė": (1, 6),
    "pirmoji pusė": (1, 6),
    "pirmojoje pusėje": (1, 6),
    "second half": (7, 12),
    "ii pusė": (7, 12),
    "antroji pusė": (7, 12),
    "antrojoje pusėje": (7, 12),
}

WORD = rf"([{LETTERS}]+)\.?"
DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
LT_YEAR = r"(\d{3,4})\s*(?:m\.|metų)?"
LT_DAY = r"(\d{1,2})(?:\s*d\.)?"
MONTH_WORD = r"(?:\s*mėn\.?)?"
ENGLISH_YEAR = r"(?:,\s*|\s+)(\d{3,4})"


def month(word: str) -> int:
    """The month a word names, or 0; raises KeyError-free so a pattern can use it in a condition."""
    return MONTHS.get(word.rstrip("."), 0)


def day(year: str, month_number: int, day_text: str) -> date | None:
    try:
        return date(int(year), month_number, int(day_text))
    except ValueError:
        return None


def days_between(first: date | None, last: date | None) -> Days | None:
    return (first, last) if first and last else None


def one_day(phrase: str, _periods=None) -> Bounds | None:
    patterns = (
        (rf"{LT_YEAR} {WORD} {LT_DAY}", (0, 1, 2)),  # 1935 m. gegužės 3 d.
        (rf"{DAY} {WORD}{ENGLISH_YEAR}", (2, 1, 0)),  # 3 May 1935
        (rf"{WORD} {DAY}{ENGLISH_YEAR}", (2, 0, 1)),  # May 3, 1935
    )
    for pattern, (year, name, number) in patterns:
        match = re.fullmatch(pattern, phrase)
        if match and month(match.group(name + 1)):
            found = day(match.group(year + 1), month(match.group(name + 1)), match.group(number + 1))
            return days_between(found, found)
    match = re.fullmatch(r"(\d{4})\.(\d{2})\.(\d{2})\.?|(\d{2})\.(\d{2})\.(\d{4})", phrase)
    if match:
        year, month_number, number = match.groups()[:3] if match.group(1) else match.groups()[:2:-1]
        found = day(year, int(month_number), number)
        return days_between(found, found)
    return None


def days_of_a_month(phrase: str, _periods=None) -> Bounds | None:
    """'1935 m. gegužės 3-10 d.', '3-10 May 1935', 'May 3-10, 1935'."""
    for pattern, order in (
        (rf"{LT_YEAR} {WORD} (\d{{1,2}}){DASH}{LT_DAY}", "ymfl"),
        (rf"{DAY}{DASH}{DAY} {WORD}{ENGLISH_YEAR}", "flmy"),
        (rf"{WORD} {DAY}{DASH}{DAY}{ENGLISH_YEAR}", "mfly"),
    ):
        match = re.fullmatch(pattern, phrase)
        if match:
            parts = dict(zip(order, match.groups(), strict=True))
            number = month(parts["m"])
            if number:
                return days_between(day(parts["y"], number, parts["f"]), day(parts["y"], number, parts["l"]))
    return None


def days_across_months(phrase: str, _periods=None) -> Bounds | None:
    """'1935 m. gegužės 28 d. - birželio 3 d.', '28 May - 3 June 1935', 'May 28 - June 3, 1935'."""
    for pattern, order in (
        (rf"{LT_YEAR} {WORD} {LT_DAY}{DASH}{WORD} {LT_DAY}", "yafbl"),
        (rf"{DAY} {WORD}{DASH}{DAY} {WORD}{ENGLISH_YEAR}", "falby"),
        (rf"{WORD} {DAY}{DASH}{WORD} {DAY}{ENGLISH_YEAR}", "afbly"),
    ):
        match = re.fullmatch(pattern, phrase)
        if match:
            parts = dict(zip(order, match.groups(), strict=True))
            first, last = month(parts["a"]), month(parts["b"])
            if first and last:
                return days_between(day(parts["y"], first, parts["f"]), day(parts["y"], last, parts["l"]))
    return None


def months(phrase: str, _periods=None) -> Bounds | None:
    """'1935 m. gegužė', 'May 1935', '1935 m. gegužė-birželis', 'May-June 1935'."""
    for pattern, order in (
        (rf"{LT_YEAR} {WORD}{MONTH_WORD}", "yf"),
        (rf"{WORD}{ENGLISH_YEAR}", "fy"),
        (rf"{LT_YEAR} {WORD}{DASH}{WORD}{MONTH_WORD}", "yfl"),
        (rf"{WORD}{DASH}{WORD}{ENGLISH_YEAR}", "fly"),
    ):
        match = re.fullmatch(pattern, phrase)
        if match:
            parts = dict(zip(order, match.groups(), strict=True))
            first, last = month(parts["f"]), month(parts.get("l", parts["f"]))
            if first and last and int(parts["y"]) > 0:
                return whole_months(int(parts["y"]), first, last)
    return None


def season(phrase: str, _periods=None) -> Bounds | None:
    """'1939 m. pavasaris', 'spring 1939', 'spring of 1939', '1944-1945 m. žiema', 'winter 1944-45'."""
    years = r"(\d{3,4})(?:(?:-|/)(\d{2,4}))?"
    match = re.fullmatch(rf"{years}{YEAR_SUFFIX} ([{LETTERS}]+)", phrase) or re.fullmatch(
        rf"([{LETTERS}]+)(?: of)? {years}{YEAR_SUFFIX}", phrase
    )
    if not match:
        return None
    groups = match.groups()
    word, (first_text, second_text) = (groups[2], groups[:2]) if groups[0][0].isdigit() else (groups[0], groups[1:])
    if word not in SEASONS or int(first_text) == 0:
        return None
    first_month, last_month = SEASONS[word]
    year = int(first_text)
    second = int(first_text[: len(first_text) - len(second_text)] + second_text) if second_text else None
    if last_month < first_month:  # winter
        if second is None:
            return year, year
        return whole_months(year, first_month, last_month, second) if second == year + 1 else None
    return whole_months(year, first_month, last_month) if second is None else None


def part_of_a_year(phrase: str, _periods=None) -> Bounds | None:
    """Thirds and halves of one year: '1939 m. pradžia', 'early 1939', 'mid-1939', 'first half of 1939'."""
    match = re.fullmatch(rf"(\d{{3,4}}){YEAR_SUFFIX} (.+)", phrase) or re.fullmatch(
        r"(?:the )?(.+?)(?: of |-| )(\d{3,4})", phrase
    )
    if not match:
        return None
    year_text, words = match.groups() if match.group(1)[0].isdigit() else match.groups()[::-1]
    part = YEAR_PARTS.get(words.strip())
    if part is None or int(year_text) == 0:
        return None
    return date(int(year_text), part[0], 1), month_end(int(year_text), part[1])


FAMILIES = (one_day, days_of_a_month, days_across_months, months, season, part_of_a_year)
