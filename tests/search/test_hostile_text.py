"""Whatever is typed, search answers, on both backends: the page with results, the API with results or a
400 for a text too long; never a server error. The corpus is in tests/search/hostile.py."""

import pytest

from tests.search.hostile import HOSTILE_TEXTS, too_long, url


def failures(client, path: str, answered) -> list:
    """The texts of the corpus whose answer was not the one `answered(text, response)` accepts."""
    found = []
    for text in HOSTILE_TEXTS:
        try:
            response = client.get(url(path, q=text))
            if not answered(text, response):
                found.append((text[:20], response.status_code))
        except Exception as error:  # noqa: BLE001 - the test client re-raises what would be a 500
            found.append((text[:20], f"{error.__class__.__name__}: {error}"))
    return found


def page_answered(text, response) -> bool:
    """Results, and a note that the text was shortened when (and only when) it was too long."""
    noted = [problem.parameter for problem in response.context["problems"]]
    return response.status_code == 200 and noted == (["q"] if too_long(text) else [])


def api_answered(text, response) -> bool:
    return response.status_code == (400 if too_long(text) else 200)


@pytest.mark.parametrize("path", ["/search/", "/en/search/"])
def test_the_search_page_answers_any_text(client, catalogue, path):
    assert failures(client, path, page_answered) == []


@pytest.mark.parametrize("path", ["/api/search/", "/api/search/suggest/"])
def test_the_api_answers_any_text_and_refuses_only_one_too_long(client, catalogue, path):
    assert failures(client, path, api_answered) == []


def test_a_text_with_quotes_and_control_characters_still_finds_its_words(client, catalogue):
    data = client.get(url("/api/search/", q='"Bažnyčios\x00 langas', lang="lt")).json()
    assert [result["title"] for result in data["results"]] == ["Bažnyčios langas"]
