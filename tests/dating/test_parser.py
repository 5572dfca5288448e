import pytest

from archive.dating.parser import CIRCA_MARGIN, OPEN_SPAN, DateParseError, parse_date

PERIODS = {
    "tarpukaris": (1918, 1939),
    "tarpukariu": (1918, 1939),
    "interwar": (1918, 1939),
    "sovietmetis": (1945, 1990),
    "soviet period": (1945, 1990),
}
C, SPAN = CIRCA_MARGIN, OPEN_SPAN

PHRASES = [
    # exact years
    ("1936", 1936, 1936),
    ("1936 m.", 1936, 1936),
    ("1936 metais", 1936, 1936),
    ("in 1936", 1936, 1936),
    # ranges
    ("1935-1937", 1935, 1937),
    ("1935–1937 m.", 1935, 1937),
    ("1935–37", 1935, 1937),
    ("1935 m. – 1937 m.", 1935, 1937),
    ("1960—1965 m.", 1960, 1965),
    ("nuo 1935 iki 1937 m.", 1935, 1937),
    ("between 1935 and 1937", 1935, 1937),
    ("1898-1902", 1898, 1902),
    # circa
    ("apie 1935 m.", 1935 - C, 1935 + C),
    ("Apie 1935", 1935 - C, 1935 + C),
    ("c. 1935", 1935 - C, 1935 + C),
    ("ca. 1935", 1935 - C, 1935 + C),
    ("circa 1935", 1935 - C, 1935 + C),
    ("1935?", 1935 - C, 1935 + C),
    ("apie 1935–1937 m.", 1935 - C, 1937 + C),
    # decades
    ("1930s", 1930, 1939),
    ("the 1930s", 1930, 1939),
    ("1930-aisiais", 1930, 1939),
    ("1930-ieji", 1930, 1939),
    ("XX a. 4-asis dešimtmetis", 1930, 1939),
    ("XX a. 4-ajame dešimtmetyje", 1930, 1939),
    ("4-ajame dešimtmetyje", 1930, 1939),
    ("XX a. ketvirtajame dešimtmetyje", 1930, 1939),
    ("XIX a. 9-asis dešimtmetis", 1880, 1889),
    ("XX a. pirmasis dešimtmetis", 1900, 1909),
    ("c. 1930s", 1930 - C, 1939 + C),
    # centuries and their parts
    ("XIX a.", 1800, 1899),
    ("XIX amžius", 1800, 1899),
    ("XIX a. pab.", 1867, 1899),
    ("XIX a. pabaiga", 1867, 1899),
    ("XIX a. pabaigoje", 1867, 1899),
    ("XX a. pr.", 1900, 1932),
    ("XX a. pradžia", 1900, 1932),
    ("XX a. vid.", 1933, 1966),
    ("XX a. I pusė", 1900, 1949),
    ("XX a. antroji pusė", 1950, 1999),
    ("19th century", 1800, 1899),
    ("the 19th century", 1800, 1899),
    ("late 19th century", 1867, 1899),
    ("early 20th c.", 1900, 1932),
    ("mid-19th century", 1833, 1866),
    ("first half of the 20th century", 1900, 1949),
    ("second half of the 19th century", 1850, 1899),
    ("XIX a. pab. – XX a. pr.", 1867, 1932),
    ("late 19th century - early 20th century", 1867, 1932),
    # before / after
    ("iki 1940 m.", 1940 - SPAN, 1940),
    ("before 1940", 1940 - SPAN, 1940),
    ("po 1945 m.", 1945, 1945 + SPAN),
    ("after 1945", 1945, 1945 + SPAN),
    ("nuo 1945 m.", 1945, 1945 + SPAN),
    # named periods
    ("tarpukaris", 1918, 1939),
    ("Tarpukariu", 1918, 1939),
    ("interwar", 1918, 1939),
    ("sovietmetis", 1945, 1990),
    ("Soviet period", 1945, 1990),
]


@pytest.mark.parametrize(("text", "earliest", "latest"), PHRASES, ids=[phrase for phrase, *_ in PHRASES])
def test_phrase_gives_year_range(text, earliest, latest):
    result = parse_date(text, PERIODS)
    assert (result.earliest, result.latest) == (earliest, latest)
    assert result.text == text


@pytest.mark.parametrize("text", ["nedatuota", "Nedatuota", "be datos", "undated", "n.d."])
def test_undated_has_no_range_and_is_not_year_zero(text):
    result = parse_date(text, PERIODS)
    assert result.undated
    assert (result.earliest, result.latest) == (None, None)


@pytest.mark.parametrize(
    "text",
    ["seniai", "long ago", "XIX a. kažkada", "1937-1935", "", "   ", "spring", "4-asis", "apie", "XXI a. galas?"],
)
def test_unknown_text_is_reported_not_guessed(text):
    with pytest.raises(DateParseError):
        parse_date(text, PERIODS)


def test_error_message_names_the_text_and_shows_examples():
    with pytest.raises(DateParseError) as raised:
        parse_date("kažkada seniai", PERIODS)
    assert "'kažkada seniai'" in str(raised.value)
    assert "nedatuota" in str(raised.value)


def test_backwards_range_is_refused():
    with pytest.raises(DateParseError, match="ends before it starts"):
        parse_date("1937-1935", PERIODS)
