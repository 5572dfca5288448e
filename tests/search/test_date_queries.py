"""Dates typed into a search, on both backends: `from`/`to` take any date phrase the archive's parser reads, and
a search text that is all a date phrase (not a bare number) is searched as that year range, which the page (in
its language) and the API say, with a way to search the words instead."""

import pytest
from django.http import QueryDict

from search.indexing import sync_changes
from search.parameters import parse_search
from search.query import DateSearch, SearchQuery
from tests.factories import make_item


def found(client, **params) -> dict:
    response = client.get("/api/search/", params)
    assert response.status_code == 200, response.content
    return response.json()


def titles(answer: dict) -> set[str]:
    return {result["title"] for result in answer["results"]}


HERB = "Vitražas su Klaipėdos herbu"  # 1935-1937
CHURCH = "Bažnyčios langas"  # 1890-1910
HARBOUR = "Uosto panorama"  # 1960
INTERWAR_EN = "Harbour gate window"  # 1925-1930, added on English pages below


@pytest.fixture
def dated(catalogue):
    english = catalogue.window_en.get_parent().specific
    make_item(english, title=INTERWAR_EN, inventory_number="KLAVB-V-020", year_earliest=1925, year_latest=1930)
    sync_changes()
    return catalogue


@pytest.mark.parametrize(
    "text, earliest, latest",
    [
        ("1930s", 1930, 1939),
        ("1930–1939 m.", 1930, 1939),
        ("late 1930s", 1937, 1939),
        ("1935 m. gegužės 3 d.", 1935, 1935),
        ("193X", 1930, 1939),
        ("XX a. 4-asis dešimtmetis", 1930, 1939),
        ("1936 m. pavasaris", 1936, 1936),
    ],
)
def test_a_date_phrase_in_the_search_box_is_searched_as_years(client, dated, text, earliest, latest):
    answer = found(client, q=text)
    assert answer["dates"] == {"text": text, "from": earliest, "to": latest}
    assert titles(answer) == {HERB}


def test_a_named_period_finds_the_items_dated_within_it_in_either_language(client, dated):
    for text in ("tarpukaris", "interwar", "Tarpukaris"):
        assert titles(found(client, q=text)) == {HERB}
        assert titles(found(client, q=text, lang="en")) == {INTERWAR_EN}
    assert found(client, q="tarpukaris")["dates"] == {"text": "tarpukaris", "from": 1918, "to": 1939}
    lithuanian = client.get("/search/", {"q": "tarpukaris"}).content.decode()
    english = client.get("/en/search/", {"q": "tarpukaris"}).content.decode()
    assert HERB in lithuanian and INTERWAR_EN not in lithuanian
    assert INTERWAR_EN in english and HERB not in english


def test_a_bare_number_stays_a_word_search(client, dated):
    answer = found(client, q="1936")  # the herb's inscription, "MEMEL 1936"
    assert answer["dates"] is None and titles(answer) == {HERB}
    assert found(client, q="1935")["dates"] is None
    assert "was read as a date" not in client.get("/en/search/", {"q": "1936"}).content.decode()


def test_the_dates_combine_with_from_to_and_the_filters(client, dated):
    assert titles(found(client, q="XX a.")) == {HERB, CHURCH, HARBOUR}  # 1900-1999: the church ends in 1910
    assert titles(found(client, q="XX a.", technique="vitrazas")) == {HERB, CHURCH}
    assert titles(found(client, q="XX a.", technique="vitrazas", **{"from": "1920"})) == {HERB}
    assert titles(found(client, q="1930s", **{"from": "1950"})) == set()  # no item overlaps both ranges
    assert titles(found(client, q="1930s", collection="fotografijos")) == set()


def test_the_page_says_how_it_read_the_text_and_links_to_the_words(client, dated):
    html = client.get("/en/search/", {"q": "1930s", "technique": "vitrazas"}).content.decode()
    assert "“1930s” was read as a date: items dated within 1930–1939." in html
    assert 'href="?q=1930s&amp;technique=vitrazas&amp;words=1"' in html
    lithuanian = client.get("/search/", {"q": "1930s"}).content.decode()
    assert "„1930s“ perskaityta kaip data: daiktai, datuoti 1930–1939 m." in lithuanian
    assert "Ieškoti žodžių „1930s“" in lithuanian


def test_words_1_searches_the_words(client, dated):
    answer = found(client, q="1930s", words="1")
    assert answer["dates"] is None and titles(answer) == set()
    html = client.get("/en/search/", {"q": "1930s", "words": "1"}).content.decode()
    assert "was read as a date" not in html
    assert 'value="1930s"' in html


@pytest.mark.parametrize(
    "years, expected",
    [
        ({"from": "early 1930s", "to": "1935 m. gegužės 3 d."}, {HERB}),  # 1930..1935
        ({"from": "tarpukaris"}, {HERB, HARBOUR}),  # from 1918
        ({"to": "XIX a. pab."}, {CHURCH}),  # to 1899
        ({"from": "1950", "to": "1960"}, {HARBOUR}),  # digits still work
    ],
)
def test_from_and_to_take_any_date_phrase(client, dated, years, expected):
    assert titles(found(client, **years)) == expected


def test_from_takes_the_earliest_year_of_a_phrase_and_to_its_latest(db):
    query = parse_search(QueryDict("from=early+1930s&to=early+1930s"), "lt").query
    assert (query.year_from, query.year_to) == (1930, 1933)


def test_a_phrase_that_does_not_parse_is_still_named_and_left_out(client, dated):
    html = client.get("/en/search/", {"from": "soon", "q": "vitražas"}).content.decode()
    assert "“soon” is not a year or a date the archive reads" in html and "It was left out." in html
    response = client.get("/api/search/", {"to": "soon"})
    assert response.status_code == 400 and response.json()["parameter"] == "to"
    assert client.get("/api/search/", {"from": "２０２０"}).status_code == 400  # digits 0-9 only, as before


def test_the_year_range_of_the_engine_is_the_overlap_of_both_ranges():
    dates = DateSearch("1930s", 1930, 1939)
    assert SearchQuery(text="1930s", dates=dates).for_engine() == SearchQuery(year_from=1930, year_to=1939)
    narrowed = SearchQuery(text="1930s", dates=dates, year_from=1935, year_to=1950).for_engine()
    assert (narrowed.text, narrowed.year_from, narrowed.year_to) == ("", 1935, 1939)
    assert SearchQuery(text="langas").for_engine() == SearchQuery(text="langas")


@pytest.mark.django_db
def test_the_api_description_names_words_and_dates(client):
    document = client.get("/api/search/openapi.json").json()
    operation = document["paths"]["/api/search/"]["get"]
    assert "words" in {parameter["name"] for parameter in operation["parameters"]}
    answer = operation["responses"]["200"]["content"]["application/json"]["schema"]["properties"]
    assert set(answer["dates"]["properties"]) == {"text", "from", "to"}
