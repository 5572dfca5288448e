"""The search JSON API: the same search as the page, for scripts and aggregators; 503 when it is down."""

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

from search.backends import get_catalogue_backend
from search.openapi import openapi_document
from search.presentation import api_record
from search.query import parse_query
from search.results import FacetValue, SearchUnavailable
from search.service import run_search

UNAVAILABLE = {"error": "search_unavailable", "detail": "Search is temporarily unavailable."}


def api_language(request: HttpRequest) -> str:
    language = request.GET.get("lang", settings.LANGUAGE_CODE)
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


@require_GET
def search(request: HttpRequest) -> JsonResponse:
    query = parse_query(request.GET, api_language(request))
    try:
        found = run_search(query)
    except SearchUnavailable:
        return JsonResponse(UNAVAILABLE, status=503, headers={"Retry-After": "30"})
    return JsonResponse({
        "count": found.count,
        "page": found.query.page,
        "num_pages": found.num_pages,
        "results": [api_record(result, request) for result in found.items],
        "facets": {
            **{facet.name: [facet_value(v) for v in facet.values] for facet in found.facets},
            "undated": [facet_value(found.undated)],
        },
    }, json_dumps_params={"ensure_ascii": False})


def facet_value(value: FacetValue) -> dict:
    return {"value": value.value, "label": value.label, "count": value.count}


@require_GET
def suggest(request: HttpRequest) -> JsonResponse:
    text = " ".join(request.GET.get("q", "").split())[:100]
    if len(text) < 2:
        return JsonResponse({"suggestions": []})
    try:
        titles = get_catalogue_backend().suggest(text, api_language(request))
    except SearchUnavailable:
        return JsonResponse(UNAVAILABLE, status=503, headers={"Retry-After": "30"})
    return JsonResponse({"suggestions": titles}, json_dumps_params={"ensure_ascii": False})


@require_GET
def openapi(request: HttpRequest) -> JsonResponse:
    return JsonResponse(openapi_document(settings.PUBLIC_BASE_URL + "/"), json_dumps_params={"indent": 2})
