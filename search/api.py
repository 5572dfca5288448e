"""The search JSON API: the same search as the page, for scripts and aggregators.

Strict where the page is forgiving: a parameter it does not know, or a value it cannot use, is a 400 that
names the parameter and says what it takes (search/parameters.py); 503 when the engine is down. A `q` read as
a date phrase is searched as years, and `dates` in the answer says how it was read.
"""

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

from search.backends import get_catalogue_backend
from search.openapi import openapi_document
from search.parameters import (
    SEARCH_PARAMETERS,
    SUGGEST_PARAMETERS,
    Problem,
    read_parameters,
    read_search,
    unexpected_parameters,
)
from search.presentation import api_record
from search.query import SearchQuery
from search.results import FacetValue, SearchUnavailable
from search.service import run_search

UNAVAILABLE = {"error": "search_unavailable", "detail": "Search is temporarily unavailable."}
MIN_SUGGEST_LENGTH = 2


def invalid(problem: Problem) -> JsonResponse:
    return JsonResponse(problem.as_api_error(), status=400, json_dumps_params={"ensure_ascii": False})


@require_GET
def search(request: HttpRequest) -> JsonResponse:
    reading = read_search(request.GET)
    problems = [*unexpected_parameters(request.GET, SEARCH_PARAMETERS), *reading.problems]
    if problems:
        return invalid(problems[0])
    try:
        found = run_search(reading.query)
    except SearchUnavailable:
        return JsonResponse(UNAVAILABLE, status=503, headers={"Retry-After": "30"})
    return JsonResponse(
        {
            "count": found.count,
            "page": found.query.page,
            "num_pages": found.num_pages,
            "dates": dates_read(found.query),
            "results": [api_record(result, request) for result in found.items],
            "facets": {
                **{facet.name: [facet_value(v) for v in facet.values] for facet in found.facets},
                "undated": [facet_value(found.undated)],
            },
        },
        json_dumps_params={"ensure_ascii": False},
    )


def dates_read(query: SearchQuery) -> dict | None:
    """How `q` was read when it was searched as a date phrase (search/dates.py); None when it was words."""
    if query.dates is None:
        return None
    return {"text": query.dates.text, "from": query.dates.earliest, "to": query.dates.latest}


def facet_value(value: FacetValue) -> dict:
    return {"value": value.value, "label": value.label, "count": value.count}


@require_GET
def suggest(request: HttpRequest) -> JsonResponse:
    values, problems = read_parameters(request.GET, SUGGEST_PARAMETERS)
    problems = [*unexpected_parameters(request.GET, SUGGEST_PARAMETERS), *problems]
    if problems:
        return invalid(problems[0])
    if len(values["q"]) < MIN_SUGGEST_LENGTH:
        return JsonResponse({"suggestions": []})
    try:
        titles = get_catalogue_backend().suggest(values["q"], values["lang"])
    except SearchUnavailable:
        return JsonResponse(UNAVAILABLE, status=503, headers={"Retry-After": "30"})
    return JsonResponse({"suggestions": titles}, json_dumps_params={"ensure_ascii": False})


@require_GET
def openapi(request: HttpRequest) -> JsonResponse:
    return JsonResponse(openapi_document(settings.PUBLIC_BASE_URL + "/"), json_dumps_params={"indent": 2})
