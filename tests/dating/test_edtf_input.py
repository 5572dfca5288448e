"""EDTF as a date text: what other systems write reads exactly."""

from datetime import date

import pytest

from archive.dating.parser import CIRCA_MARGIN, OPEN_SPAN, DateParseError, parse_date

C, SPAN = CIRCA_MARGIN, OPEN_SPAN

EDTF = [
    ("1935", 1935, 1935, None, None),
    ("1935-05", 1935, 1935, date(1935, 5, 1), date(1935, 5, 31)),
    ("1935-05-03", 1935, 1935, date(1935, 5, 3), date(1935, 5, 3)),
    ("1935~", 1935 - C, 1935 + C, None, None),
    ("1935?", 1935 - C, 1935 + C, None, None),
    ("1935%", 1935 - C, 1935 + C, None, None),
    ("1935-05~", 1935 - C, 1935 + C, None, None),
    ("193X", 1930, 1939, None, None),
    ("19XX", 1900, 1999, None, None),
    ("1935-XX", 1935, 1935, None, None),
    ("1935-05-XX", 1935, 1935, date(1935, 5, 1), date(1935, 5, 31)),
    ("1939-21", 1939, 1939, date(1939, 3, 1), date(1939, 5, 31)),
    ("1939-24", 1939, 1939, None, None),
    ("1935-05/1935-06", 1935, 1935, date(1935, 5, 1), date(1935, 6, 30)),
    ("1935-05-03/1935-05-10", 1935, 1935, date(1935, 5, 3), date(1935, 5, 10)),
    ("1944-12/1945-02", 1944, 1945, date(1944, 12, 1), date(1945, 2, 28)),
    ("1933/1937", 1933, 1937, None, None),
    ("1935-05/1937", 1935, 1937, None, None),
    ("1930~/1939~", 1930 - C, 1939 + C, None, None),
    ("193X/194X", 1930, 1949, None, None),
    ("../1940", 1940 - SPAN, 1940, None, None),
    ("/1940", 1940 - SPAN, 1940, None, None),
    ("1945/..", 1945, 1945 + SPAN, None, None),
    ("[1935..1937]", 1935, 1937, None, None),
    ("[1935,1936,1937]", 1935, 1937, None, None),
    ("{1935..1937}", 1935, 1937, None, None),
    ("[1935-05-03..1935-05-10]", 1935, 1935, date(1935, 5, 3), date(1935, 5, 10)),
    ("0935", 935, 935, None, None),
]


@pytest.mark.parametrize(("text", "earliest", "latest", "first", "last"), EDTF, ids=[row[0] for row in EDTF])
def test_edtf_reads_exactly(text, earliest, latest, first, last):
    result = parse_date(text)
    assert (result.earliest, result.latest, result.first_day, result.last_day) == (earliest, latest, first, last)


def test_a_season_code_that_can_be_a_short_range_stays_a_range():
    result = parse_date("1915-22")
    assert (result.earliest, result.latest, result.first_day) == (1915, 1922, None)


@pytest.mark.parametrize(
    "text", ["1935-13", "1935-02-30", "1935-05-03/1935-05-01", "../..", "193X-05", "[..1937]", "1935/1933"]
)
def test_edtf_that_names_no_date_is_refused(text):
    with pytest.raises(DateParseError):
        parse_date(text)
