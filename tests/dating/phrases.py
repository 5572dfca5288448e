"""A hypothesis strategy for the date texts the parser reads: every family, both languages, any years."""

from datetime import date

from hypothesis import strategies as st

from archive.dating.days import ENGLISH_MONTHS, LITHUANIAN_MONTHS

PERIODS = {"tarpukaris": (1918, 1939), "antrasis pasaulinis karas": (1939, 1945), "world war ii": (1939, 1945)}
ROMAN = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
SEASONS = ["pavasaris", "vasara", "ruduo", "spring", "summer", "autumn"]
PARTS = ["early", "mid", "late"]

years = st.integers(1000, 2099)
days = st.dates(min_value=date(1000, 1, 1), max_value=date(2099, 12, 31))
months = st.integers(1, 12)
centuries = st.integers(11, 21)


def roman(number: int) -> str:
    text = ""
    for value, numeral in ROMAN:
        while number >= value:
            text, number = text + numeral, number - value
    return text


def ordered(first: int, second: int) -> tuple[int, int]:
    return min(first, second), max(first, second)


def day_phrase(day: date, form: int) -> str:
    genitive, english = LITHUANIAN_MONTHS[day.month - 1][1], ENGLISH_MONTHS[day.month - 1].title()
    return [
        f"{day.year} m. {genitive} {day.day} d.",
        f"{day.day} {english} {day.year}",
        f"{english} {day.day}, {day.year}",
        day.isoformat(),
        f"{day.year}.{day.month:02d}.{day.day:02d}",
    ][form]


@st.composite
def phrases(draw) -> str:
    year, other, month, other_month = draw(years), draw(years), draw(months), draw(months)
    day, form, century = draw(days), draw(st.integers(0, 4)), draw(centuries)
    low, high = ordered(year, other)
    first_month, last_month = ordered(month, other_month)
    decade = year // 10 * 10
    candidates = [
        f"{year} m.",
        f"{low}–{high} m.",
        f"apie {year} m.",
        f"c. {decade}s",
        f"apie {low}–{high} m.",
        f"iki {year} m.",
        f"after {year}",
        f"{decade}s",
        f"{decade}-ieji",
        f"{roman(century)} a.",
        f"{roman(century)} a. pab.",
        f"mid-{century}th c.",
        f"XX a. {month % 10 + 1}-asis dešimtmetis",
        day_phrase(day, form),
        f"{year} m. {LITHUANIAN_MONTHS[month - 1][0]}",
        f"{ENGLISH_MONTHS[month - 1].title()} {year}",
        f"{ENGLISH_MONTHS[first_month - 1]}–{ENGLISH_MONTHS[last_month - 1]} {year}",
        f"{year} m. {LITHUANIAN_MONTHS[first_month - 1][0]}–{LITHUANIAN_MONTHS[last_month - 1][0]}",
        f"{ordered(day.day, 1)[0]}–{day.day} {ENGLISH_MONTHS[day.month - 1]} {day.year}",
        f"{roman(min(century, 20))}–{roman(min(century, 20) + 1)} a.",
        f"{century}th–{century + 1}th century",
        f"{decade}s–{decade + 10}s",
        f"XX a. {month % 9 + 1}–{month % 9 + 2} dešimtmetis",
        f"{draw(st.sampled_from(PARTS))} {decade}s",
        f"{decade}-ųjų pabaiga",
        f"{draw(st.sampled_from(SEASONS))} {year}",
        f"{year} m. pavasaris",
        f"{year}–{year + 1} m. žiema",
        f"winter {year}",
        f"early {year}",
        f"{year} m. pabaigoje",
        "tarpukaris",
        "World War II",
        f"{year}~",
        f"{year}?",
        f"{decade // 10}X",
        f"{century - 1}XX",
        f"{low}-{first_month:02d}/{high}",
        f"[{low}..{high}]",
        f"{low}~/{high}~",
        f"../{year}",
        f"{year}-{month:02d}",
        f"{day_phrase(day, form)} – {day_phrase(max(day, date(day.year, 12, 31)), form)}",
    ]
    return draw(st.sampled_from(candidates))
