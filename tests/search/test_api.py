"""The JSON API and its OpenAPI description, on both backends."""

import pytest
from django.conf import settings


def get(client, **params):
    return client.get("/api/search/", params)


def test_the_api_returns_count_results_and_facets(client, catalogue):
    data = get(client, q="langas").json()
    assert data["count"] == 1
    result = data["results"][0]
    assert result["title"] == "Bažnyčios langas"
    assert result["url"].startswith(settings.PUBLIC_BASE_URL + "/")  # never the request's Host header
    assert result["collection"]["title"] == "Vitražai"
    assert result["date"] == {"text": "", "earliest": 1890, "latest": 1910}
    assert {"thumbnail", "manifest", "inventory_number"} <= set(result)
    assert set(data["facets"]) == {"collection", "creator", "place", "technique", "subject", "century", "decade",
                                   "state", "undated"}
    assert data["facets"]["collection"] == [{"value": "vitrazai", "label": "Vitražai", "count": 1}]


def test_the_api_filters_by_creator_place_technique_and_years(client, catalogue):
    data = get(client, creator="pavyzdine-dirbtuve", place="kretinga", technique="vitrazas",
               **{"from": "1900", "to": "1905"}).json()
    assert [result["title"] for result in data["results"]] == ["Bažnyčios langas"]


def test_the_api_returns_decades_states_and_the_undated_count(client, catalogue):
    facets = get(client).json()["facets"]
    assert [value["label"] for value in facets["decade"]] == [
        "1890–1899 m.", "1900–1909 m.", "1910–1919 m.", "1930–1939 m.", "1960–1969 m."]
    assert facets["state"] == [{"value": "survives", "label": "Išlikęs", "count": 1},
                               {"value": "lost", "label": "Prarastas", "count": 1}]
    assert facets["undated"] == [{"value": "1", "label": "Be datos", "count": 1}]


def test_the_api_labels_facets_in_the_language_asked_for(client, catalogue):
    facets = get(client, lang="en").json()["facets"]
    assert facets["decade"][0]["label"] == "1890s"
    assert facets["state"] == [{"value": "lost", "label": "Lost", "count": 1}]
    assert facets["undated"] == [{"value": "1", "label": "Undated", "count": 0}]


def test_the_api_filters_by_decade_state_and_undated(client, catalogue):
    def found(**params):
        return [result["title"] for result in get(client, sort="title", **params).json()["results"]]

    assert found(decade="1930") == ["Vitražas su Klaipėdos herbu"]
    assert found(state="lost") == ["Bažnyčios langas"]
    assert found(undated="1") == ["Nežinomas portretas"]
    assert found(undated="true", decade="1930") == []


def test_the_api_searches_the_english_catalogue_on_request(client, catalogue):
    data = get(client, lang="en").json()
    assert [result["title"] for result in data["results"]] == ["Stained glass windows of the Klaipėda church"]


def test_bad_parameters_fall_back_to_defaults(client, catalogue):
    data = get(client, page="many", sort="sideways", **{"from": "soon"}).json()
    assert data["count"] == 4 and data["page"] == 1


def test_suggestions_complete_titles(client, catalogue):
    assert "Uosto panorama" in client.get("/api/search/suggest/", {"q": "Uosto"}).json()["suggestions"]


@pytest.mark.django_db
def test_the_openapi_description_documents_every_parameter(client):
    document = client.get("/api/search/openapi.json").json()
    operation = document["paths"]["/api/search/"]["get"]
    names = {parameter["name"] for parameter in operation["parameters"]}
    assert {"q", "collection", "creator", "place", "technique", "from", "to", "sort", "page"} <= names
    assert {"century", "decade", "state", "undated"} <= names
    assert set(operation["responses"]) == {"200", "503"}


@pytest.mark.django_db
def test_the_openapi_description_lists_the_states_a_work_can_be_in(client):
    operation = client.get("/api/search/openapi.json").json()["paths"]["/api/search/"]["get"]
    state = next(parameter for parameter in operation["parameters"] if parameter["name"] == "state")
    assert state["schema"]["items"]["enum"] == ["survives", "altered", "hidden", "moved", "lost"]
