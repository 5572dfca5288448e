"""A year range given backwards: the page (in its language) searches the swapped range and says so; the JSON
API refuses it with a 400 that names `from` and the reason. (Already so before issue #15's leftovers: kept.)"""

import pytest


@pytest.mark.django_db
def test_the_english_page_names_a_reversed_range_in_english(client, home):
    html = client.get("/en/search/", {"from": "1950", "to": "1900"}).content.decode()
    assert "1950 is later than the end of the range, 1900: give the earlier year first." in html
    assert "The two years were swapped." in html


@pytest.mark.django_db
def test_the_api_refuses_a_reversed_range(client, home):
    response = client.get("/api/search/", {"from": "1950", "to": "1900"})
    assert response.status_code == 400
    assert response.json()["parameter"] == "from"
    assert "later than the end of the range" in response.json()["detail"]
