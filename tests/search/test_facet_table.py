"""The facet table (search/facet_table.py) is the one list of facets: every backend, the API's description,
the page and its chips handle each row, and no other module of search/ keeps a list of facets of its own."""

import ast
from pathlib import Path

import pytest

from search.backends.es_mapping import mappings
from search.backends.es_query import facets_body, filter_clauses, read_response
from search.documents import ItemRecord, item_document
from search.facet_table import FACET, FACETS
from search.facets import labelled_facets
from search.openapi import openapi_document
from search.parameters import parse_search
from search.query import SearchQuery

NAMES = [facet.name for facet in FACETS]
SEARCH = Path(__file__).resolve().parents[2] / "search"


def record() -> ItemRecord:
    return ItemRecord(
        1,
        "Langas",
        "0001",
        "lt",
        "KLAVB-V-001",
        "",
        1935,
        1937,
        "",
        "",
        ("klaipeda", ["Klaipėda"]),
        "lost",
        ("vitrazai", "Vitražai"),
        [],
        [("pavyzdelis", ["Jonas"])],
        [("vitrazas", ["vitražas"])],
        [("herbas", ["herbas"])],
    )


def test_the_table_names_each_facet_once_with_what_every_place_needs():
    assert len(set(NAMES)) == len(NAMES) and list(FACET) == NAMES
    assert len({facet.index_field for facet in FACETS}) == len(FACETS)
    for facet in FACETS:
        assert str(facet.title) and facet.description and facet.size > 0, facet.name


def test_elasticsearch_maps_fills_filters_and_counts_every_row():
    properties, document = mappings()["properties"], item_document(record())
    chosen = SearchQuery(filters={facet.name: (f"{facet.name}-value",) for facet in FACETS})
    aggregations, clauses = facets_body(chosen)["aggs"], filter_clauses(chosen)
    for facet in FACETS:
        assert properties[facet.index_field]["type"] == facet.index_type, facet.name
        assert document[facet.index_field] not in (None, []), facet.name
        assert aggregations[facet.name]["terms"]["field"] == facet.index_field
        assert {"terms": {facet.index_field: [f"{facet.name}-value"]}} in clauses
    answer = {
        "aggregations": {facet.name: {"buckets": [{"key": "1", "doc_count": 2}]} for facet in FACETS},
        "hits": {"total": {"value": 2}},
    }
    counted = read_response({"hits": {"hits": []}}, answer).facets
    assert list(counted) == NAMES and all(counted[name][0].count == 2 for name in NAMES)


def test_the_map_asks_for_every_value_of_a_facet_and_the_engine_counts_them_all():
    body = facets_body(SearchQuery(every_value=("place",)))["aggs"]
    assert body["place"]["terms"]["size"] > FACET["place"].size
    assert body["creator"]["terms"]["size"] == FACET["creator"].size


def test_the_api_description_takes_and_describes_every_row():
    document = openapi_document("https://example.org")
    parameters = {parameter["name"]: parameter for parameter in document["paths"]["/api/search/"]["get"]["parameters"]}
    for facet in FACETS:
        assert parameters[facet.name]["schema"] == {"type": "array", "items": facet.schema}
        assert parameters[facet.name]["description"].startswith(facet.description)
    facets = document["paths"]["/api/search/"]["get"]["responses"]["200"]["content"]["application/json"]
    assert f"({', '.join(NAMES)})" in facets["schema"]["properties"]["facets"]["description"]


def test_the_url_reads_every_row():
    reading = parse_search(dict_of({facet.name: facet.example for facet in FACETS}))
    assert reading.problems == () and list(reading.query.filters) == NAMES


def dict_of(values: dict):
    from django.http import QueryDict

    params = QueryDict(mutable=True)
    for name, value in values.items():
        params[name] = value
    return params


@pytest.mark.django_db
def test_the_page_lists_every_row_in_the_table_order():
    assert [facet.name for facet in labelled_facets({}, SearchQuery())] == NAMES


def test_each_backend_counts_every_row_and_each_count_finds_its_items(backend, catalogue):
    counted = backend.search(SearchQuery()).facets
    assert list(counted) == NAMES
    for facet in FACETS:
        value = counted[facet.name][0]
        assert backend.search(SearchQuery(filters={facet.name: (value.value,)})).count == value.count, facet.name


def test_the_api_and_the_page_show_every_row_and_a_chip_for_each(client, catalogue):
    found = client.get("/api/search/").json()["facets"]
    assert list(found) == [*NAMES, "undated"]
    chosen = {name: found[name][0]["value"] for name in NAMES}
    response = client.get("/search/", {"q": "", **chosen})
    page = response.content.decode()
    for facet in FACETS:
        assert f'name="{facet.name}" value="{chosen[facet.name]}"' in page, facet.name
    assert len(response.context["active_filters"]) == len(FACETS)


def facet_names_in(node: ast.AST) -> list[str]:
    return [inner.value for inner in ast.walk(node) if isinstance(inner, ast.Constant) and inner.value in FACET]


def lists_of_facets(tree: ast.AST) -> list[str]:
    """Literal collections naming three facets or more, and functions comparing a value with two facet names or
    more (an if-chain by facet): each a list of facets kept beside the table."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Tuple, ast.List, ast.Set, ast.Dict)) and len(set(facet_names_in(node))) >= 3:
            found.append(f"line {node.lineno}: {sorted(set(facet_names_in(node)))}")
        if isinstance(node, (ast.FunctionDef, ast.Lambda)):
            compared = {
                name
                for compare in ast.walk(node)
                if isinstance(compare, ast.Compare)
                for name in facet_names_in(compare)
            }
            if len(compared) >= 2:
                found.append(f"line {node.lineno}: compares with {sorted(compared)}")
    return found


def test_no_module_of_search_keeps_its_own_list_of_facets():
    table = SEARCH / "facet_table.py"
    found = {
        str(path.relative_to(SEARCH)): lists
        for path in sorted(SEARCH.rglob("*.py"))
        if path != table
        if (lists := lists_of_facets(ast.parse(path.read_text())))
    }
    assert found == {}


def test_the_check_finds_a_list_of_facets():
    assert lists_of_facets(ast.parse('SHOWN = ("place", "creator", "decade")'))
    assert lists_of_facets(
        ast.parse(
            'def label(facet):\n    if facet == "century":\n        return 1\n'
            '    if facet == "decade":\n        return 2\n'
        )
    )
