"""The curator's date as EDTF (level 1) for citations and exports."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archive.dating.edtf import dating, qualifier

EDTF_LEVEL_1 = r"^(\d{4}[~?]?(/\d{4}[~?]?)?|\d{3}X|\d{2}XX)$"


@pytest.mark.parametrize("text, mark", [
    ("apie 1935 m.", "~"), ("Apie 1935", "~"), ("c. 1935", "~"), ("ca 1935", "~"), ("circa 1935", "~"),
    ("about 1935", "~"), ("1935?", "?"), ("1935 m.", ""), ("XX a. 4-asis dešimtmetis", ""), ("tarpukaris", ""),
    ("apiepavyzdis", ""),
])
def test_qualifier_marks_what_the_curator_wrote(text, mark):
    assert qualifier(text) == mark


def test_an_undated_work_gets_no_year():
    assert dating("nedatuota", None, None) is None


@given(st.text(max_size=30), st.integers(1000, 2100), st.integers(0, 150))
def test_every_dated_range_gives_a_level_1_edtf_within_the_range(text, earliest, span):
    import re

    dated = dating(text, earliest, earliest + span)
    assert re.match(EDTF_LEVEL_1, dated.edtf), dated.edtf
    first = int(dated.year_text.split("--")[0])
    assert earliest <= first <= earliest + span
