"""The curator's date as EDTF (level 1) for citations and exports, and EDTF read back to the same reading."""

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.dating.edtf import dating, qualifier
from archive.dating.parser import parse_date
from tests.dating.phrases import PERIODS, phrases

EDTF_DATE = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
EDTF_LEVEL_1 = rf"^({EDTF_DATE}[~?%]?(/{EDTF_DATE}[~?%]?)?|\d{{3}}X|\d{{2}}XX)$"


@pytest.mark.parametrize(
    "text, mark",
    [
        ("apie 1935 m.", "~"),
        ("Apie 1935", "~"),
        ("c. 1935", "~"),
        ("ca 1935", "~"),
        ("circa 1935", "~"),
        ("about 1935", "~"),
        ("1935?", "?"),
        ("1935 m.", ""),
        ("XX a. 4-asis dešimtmetis", ""),
        ("tarpukaris", ""),
        ("apiepavyzdis", ""),
        ("1935~", "~"),
        ("1935%", "%"),
        ("1930~/1939~", "~"),
        ("1934/1935~", ""),
    ],
)
def test_qualifier_marks_what_the_curator_wrote(text, mark):
    assert qualifier(text) == mark


@pytest.mark.parametrize(
    "text, earliest, latest, edtf",
    [
        ("1935 m.", 1935, 1935, "1935"),
        ("apie 1935 m.", 1930, 1940, "1935~"),
        ("apie 1935–1937 m.", 1930, 1942, "1935~/1937~"),
        ("c. 1930s", 1925, 1944, "1930~/1939~"),
        ("apie 1935 m.", 1933, 1937, "1935~"),  # the curator's own narrower range keeps the form they wrote
        ("1930s", 1930, 1939, "193X"),
        ("XX a.", 1900, 1999, "19XX"),
        ("XIX a. pab.", 1867, 1899, "1867/1899"),
        ("935 m.", 935, 935, "0935"),
        ("1935 m. gegužės 3 d.", 1935, 1935, "1935-05-03"),
        ("May 1935", 1935, 1935, "1935-05"),
        ("3–10 May 1935", 1935, 1935, "1935-05-03/1935-05-10"),
        ("May–June 1935", 1935, 1935, "1935-05/1935-06"),
        ("1944–1945 m. žiema", 1944, 1945, "1944-12/1945-02"),
        ("spring 1939", 1939, 1939, "1939-03/1939-05"),
        ("1935 m. gegužės 3 d.", 1935, 1936, "1935/1936"),  # years the curator changed: the days no longer apply
    ],
)
def test_the_reading_as_edtf(text, earliest, latest, edtf):
    assert dating(text, earliest, latest).edtf == edtf


def test_level_0_is_plain_iso_8601():
    assert dating("apie 1935 m.", 1930, 1940).level_0 == "1930/1940"
    assert dating("1930s", 1930, 1939).level_0 == "1930/1939"
    assert dating("3 May 1935", 1935, 1935).level_0 == "1935-05-03"


def test_an_undated_work_gets_no_year():
    assert dating("nedatuota", None, None) is None


@given(st.text(max_size=30), st.integers(1000, 2100), st.integers(0, 150))
def test_every_dated_range_gives_a_level_1_edtf_within_the_range(text, earliest, span):
    dated = dating(text, earliest, earliest + span)
    assert re.match(EDTF_LEVEL_1, dated.edtf), dated.edtf
    assert dated.exact_year in (None, earliest)
    assert (dated.exact_year is not None) == (span == 0 and not dated.approximate)


@settings(max_examples=600)
@given(phrases())
def test_every_reading_of_the_parser_reads_back_from_its_edtf(text):
    reading = parse_date(text, PERIODS)
    dated = dating(text, reading.earliest, reading.latest)
    back = parse_date(dated.edtf)
    assert (back.earliest, back.latest) == (reading.earliest, reading.latest), (text, dated.edtf)
    assert (back.first_day, back.last_day) == (reading.first_day, reading.last_day), (text, dated.edtf)
    assert re.match(EDTF_LEVEL_1, dated.edtf), dated.edtf


@given(
    st.sampled_from(["", "1935 m.", "XX a.", "tarpukaris", "1934/1935~"]), st.integers(1000, 2100), st.integers(0, 150)
)
def test_stored_years_without_a_circa_read_back_exactly(text, earliest, span):
    dated = dating(text, earliest, earliest + span)
    back = parse_date(dated.edtf)
    assert (back.earliest, back.latest) == (earliest, earliest + span)
    assert back.first_day is None


def test_edtf_days_read_back_to_the_same_days():
    assert parse_date(dating("28 May – 3 June 1935", 1935, 1935).edtf).last_day == date(1935, 6, 3)
