"""The JSON API and its OpenAPI description, on both backends."""

import pytest
from django.conf import settings

from search.facet_table import FACETS
from search.indexing import sync_changes
from tests.search.catalogue import build_catalogue


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
    assert list(data["facets"]) == [*(facet.name for facet in FACETS), "undated"]
    assert data["facets"]["collection"] == [{"value": "vitrazai", "label": "Vitražai", "count": 1}]


def test_the_api_filters_by_creator_place_technique_and_years(client, catalogue):
    data = get(
        client, creator="pavyzdine-dirbtuve", place="kretinga", technique="vitrazas", **{"from": "1900", "to": "1905"}
    ).json()
    assert [result["title"] for result in data["results"]] == ["Bažnyčios langas"]


def test_the_api_returns_decades_states_and_the_undated_count(client, catalogue):
    facets = get(client).json()["facets"]
    assert [value["label"] for value in facets["decade"]] == [
        "1890–1899 m.",
        "1900–1909 m.",
        "1910–1919 m.",
        "1930–1939 m.",
        "1960–1969 m.",
    ]
    assert facets["state"] == [
        {"value": "survives", "label": "Išlikęs", "count": 1},
        {"value": "lost", "label": "Prarastas", "count": 1},
    ]
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


@pytest.fixture
def database_catalogue(home, database):
    """The catalogue on the database backend only, for what does not depend on the backend."""
    build_catalogue(home)
    sync_changes()


@pytest.mark.parametrize(
    "query, parameter, accepted",
    [
        ("from=abc", "from", "-3000 to 3000"),
        ("from=%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%90", "from", "digits 0-9"),  # ２０２０, fullwidth
        ("to=1_950", "to", "digits 0-9"),
        ("from=1950&to=1900", "from", "earlier year first"),
        ("from=1900&from=1950", "from", "give it once"),
        ("page=0", "page", "1 to 500"),
        ("page=many", "page", "1 to 500"),
        ("page=501", "page", "1 to 500"),
        ("per_page=100", "per_page", "give only q, lang"),
        ("form=1950", "form", "give only q, lang"),
        ("sort=sideways", "sort", "relevance, date, -date, title"),
        ("state=destroyed", "state", "survives, altered"),
        ("decade=1935", "decade", "multiple of 10"),
        ("century=x", "century", "1 to 21"),
        ("century=" + "1" * 5000, "century", "1 to 21"),
        ("creator=nobody", "creator", "listed under this filter"),
        ("collection=stained-glass", "collection", "listed under this filter"),  # the English collection
        ("undated=maybe", "undated", "1, true, on, yes"),
        ("lang=de", "lang", "lt, en"),
        ("q=" + "x" * 201, "q", "200 characters"),
    ],
)
def test_a_parameter_the_api_cannot_use_is_a_400_that_names_it_and_what_it_takes(
    client, database_catalogue, query, parameter, accepted
):
    response = client.get(f"/api/search/?{query}")
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "invalid_parameter" and body["parameter"] == parameter
    assert accepted in body["detail"] and body["detail"].startswith(f"{parameter}: ")


def test_the_suggestions_refuse_what_they_cannot_use(client, database_catalogue):
    assert client.get("/api/search/suggest/", {"q": "x" * 201}).json()["parameter"] == "q"
    assert client.get("/api/search/suggest/", {"q": "Uosto", "lang": "xx"}).json()["parameter"] == "lang"
    assert client.get("/api/search/suggest/", {"q": "Uosto", "limit": "3"}).status_code == 400
    assert client.get("/api/search/suggest/", {"q": "Uosto", "lang": "lt"}).status_code == 200


def test_suggestions_complete_titles(client, catalogue):
    assert "Uosto panorama" in client.get("/api/search/suggest/", {"q": "Uosto"}).json()["suggestions"]


@pytest.mark.django_db
def test_the_openapi_description_documents_every_parameter(client):
    document = client.get("/api/search/openapi.json").json()
    operation = document["paths"]["/api/search/"]["get"]
    names = {parameter["name"] for parameter in operation["parameters"]}
    assert {"q", "collection", "creator", "place", "technique", "from", "to", "sort", "page"} <= names
    assert {"century", "decade", "state", "undated"} <= names
    assert set(operation["responses"]) == {"200", "400", "503"}
    invalid = operation["responses"]["400"]["content"]["application/json"]["schema"]
    assert set(invalid["required"]) == {"error", "parameter", "detail"}
    years = {parameter["name"]: parameter["schema"] for parameter in operation["parameters"]}
    assert {"type": "integer", "minimum": -3000, "maximum": 3000} in years["from"]["anyOf"]  # or a date phrase
    suggest = document["paths"]["/api/search/suggest/"]["get"]
    assert {"200", "400", "503"} == set(suggest["responses"])


@pytest.mark.django_db
def test_the_openapi_description_lists_the_states_a_work_can_be_in(client):
    operation = client.get("/api/search/openapi.json").json()["paths"]["/api/search/"]["get"]
    state = next(parameter for parameter in operation["parameters"] if parameter["name"] == "state")
    assert state["schema"]["items"]["enum"] == ["survives", "altered", "hidden", "moved", "lost"]
