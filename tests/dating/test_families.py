"""The date families researchers write every day, each in Lithuanian and English (issue #17)."""

from datetime import date

import pytest

from archive.dating.parser import DateParseError, parse_date

PERIODS = {"antrasis pasaulinis karas": (1939, 1945), "world war ii": (1939, 1945)}
MAY_3, MAY_10, MAY_31 = date(1935, 5, 3), date(1935, 5, 10), date(1935, 5, 31)

FULL_DATES = [
    # a day
    ("1935 m. gegužės 3 d.", MAY_3, MAY_3),
    ("1935 gegužės 3", MAY_3, MAY_3),
    ("1935.05.03", MAY_3, MAY_3),
    ("1935-05-03", MAY_3, MAY_3),
    ("3 May 1935", MAY_3, MAY_3),
    ("3rd May 1935", MAY_3, MAY_3),
    ("May 3, 1935", MAY_3, MAY_3),
    ("03.05.1935", MAY_3, MAY_3),
    # a month
    ("1935 m. gegužė", date(1935, 5, 1), MAY_31),
    ("1935 m. gegužės mėn.", date(1935, 5, 1), MAY_31),
    ("1935 m. vasaris", date(1935, 2, 1), date(1935, 2, 28)),
    ("May 1935", date(1935, 5, 1), MAY_31),
    ("Feb. 1936", date(1936, 2, 1), date(1936, 2, 29)),
    # ranges of days and months
    ("1935 m. gegužės 3–10 d.", MAY_3, MAY_10),
    ("3–10 May 1935", MAY_3, MAY_10),
    ("May 3–10, 1935", MAY_3, MAY_10),
    ("1935 m. gegužės 28 d. – birželio 3 d.", date(1935, 5, 28), date(1935, 6, 3)),
    ("28 May – 3 June 1935", date(1935, 5, 28), date(1935, 6, 3)),
    ("1935 m. gegužė–birželis", date(1935, 5, 1), date(1935, 6, 30)),
    ("May–June 1935", date(1935, 5, 1), date(1935, 6, 30)),
    ("1935 m. gegužės 3 d. – 1936 m. birželio 1 d.", MAY_3, date(1936, 6, 1)),
    ("3 May 1935 - 1 June 1936", MAY_3, date(1936, 6, 1)),
]
SEASONS_AND_PARTS = [
    ("1939 m. pavasaris", date(1939, 3, 1), date(1939, 5, 31)),
    ("1939 m. pavasarį", date(1939, 3, 1), date(1939, 5, 31)),
    ("spring 1939", date(1939, 3, 1), date(1939, 5, 31)),
    ("Spring of 1939", date(1939, 3, 1), date(1939, 5, 31)),
    ("1939 m. ruduo", date(1939, 9, 1), date(1939, 11, 30)),
    ("autumn 1939", date(1939, 9, 1), date(1939, 11, 30)),
    ("1944–1945 m. žiema", date(1944, 12, 1), date(1945, 2, 28)),
    ("winter 1944–45", date(1944, 12, 1), date(1945, 2, 28)),
    ("winter of 1944/1945", date(1944, 12, 1), date(1945, 2, 28)),
    ("1939 m. pradžia", date(1939, 1, 1), date(1939, 4, 30)),
    ("early 1939", date(1939, 1, 1), date(1939, 4, 30)),
    ("1939 m. viduryje", date(1939, 5, 1), date(1939, 8, 31)),
    ("mid-1939", date(1939, 5, 1), date(1939, 8, 31)),
    ("1939 m. pabaigoje", date(1939, 9, 1), date(1939, 12, 31)),
    ("late 1939", date(1939, 9, 1), date(1939, 12, 31)),
    ("1939 m. II pusė", date(1939, 7, 1), date(1939, 12, 31)),
    ("first half of 1939", date(1939, 1, 1), date(1939, 6, 30)),
]
YEAR_RANGES = [
    # ranges of centuries and decades
    ("XVI–XVII a.", 1500, 1699),
    ("XVI-XVII amžiai", 1500, 1699),
    ("16th–17th century", 1500, 1699),
    ("16th-17th centuries", 1500, 1699),
    ("XVI a. – XVII a.", 1500, 1699),
    ("1920s–1930s", 1920, 1939),
    ("1920-ieji – 1930-ieji", 1920, 1939),
    ("XX a. 3–4 dešimtmetis", 1920, 1939),
    ("XX a. 3–4-asis dešimtmetis", 1920, 1939),
    # parts of a decade and of a century
    ("early 1930s", 1930, 1933),
    ("the early 1930s", 1930, 1933),
    ("mid-1930s", 1934, 1936),
    ("mid 1930s", 1934, 1936),
    ("late 1930s", 1937, 1939),
    ("1930-ųjų pradžia", 1930, 1933),
    ("1930-ųjų viduryje", 1934, 1936),
    ("XX a. 4-ojo dešimtmečio pabaiga", 1937, 1939),
    ("mid-19th c.", 1833, 1866),
    ("late 19th century", 1867, 1899),
    ("XIX a. vid.", 1833, 1866),
    # a winter of one year has months at both ends of it
    ("1939 m. žiema", 1939, 1939),
    ("winter 1939", 1939, 1939),
    # named periods
    ("Antrasis pasaulinis karas", 1939, 1945),
    ("World War II", 1939, 1945),
]


@pytest.mark.parametrize(
    ("text", "first", "last"), FULL_DATES + SEASONS_AND_PARTS, ids=[text for text, *_ in FULL_DATES + SEASONS_AND_PARTS]
)
def test_a_text_with_months_or_days_reads_to_the_day(text, first, last):
    result = parse_date(text, PERIODS)
    assert (result.first_day, result.last_day) == (first, last)
    assert (result.earliest, result.latest) == (first.year, last.year)
    assert result.text == text


@pytest.mark.parametrize(("text", "earliest", "latest"), YEAR_RANGES, ids=[text for text, *_ in YEAR_RANGES])
def test_a_text_of_years_reads_to_years_without_days(text, earliest, latest):
    result = parse_date(text, PERIODS)
    assert (result.earliest, result.latest) == (earliest, latest)
    assert result.first_day is None and result.last_day is None


@pytest.mark.parametrize(
    ("text", "suggested"),
    [
        ("1935 m. vasario 30 d.", "'1935 m. gegužės 3 d.', '3 May 1935'"),
        ("31 June 1935", "'1935 m. gegužės 3 d.', '3 May 1935'"),
        ("gegužės 3 d.", "'1935 m. gegužės 3 d.'"),
        ("spring", "'1939 m. pavasaris', 'spring 1939'"),
        ("1939–1941 m. vasara", "'1939 m. pavasaris', 'spring 1939'"),
        ("winter 1939–1941", "'1944–1945 m. žiema'"),
        ("XVII–XVI a. kažkada", "'XVI–XVII a.', '16th–17th century'"),
        ("early 19th decade", "'early 1930s'"),
        ("1935~~", "EDTF '1935', '1935-05-03', '1935~'"),
        ("kažkada", "'1936 m.', '1935–1937 m.'"),
    ],
)
def test_a_refusal_suggests_forms_like_the_text(text, suggested):
    with pytest.raises(DateParseError) as raised:
        parse_date(text, PERIODS)
    message = str(raised.value)
    assert "is not a date phrase the archive knows. Write e.g." in message
    assert suggested in message


def test_days_that_run_backwards_are_refused():
    with pytest.raises(DateParseError, match="ends before it starts"):
        parse_date("1935 m. gegužės 10–3 d.")


def test_a_plain_hyphen_before_a_month_number_is_iso_8601_a_dash_is_a_short_range():
    assert parse_date("1905-08").first_day == date(1905, 8, 1)
    assert (parse_date("1905–08").earliest, parse_date("1905–08").latest) == (1905, 1908)
    assert (parse_date("1935-37").earliest, parse_date("1935-37").latest) == (1935, 1937)
