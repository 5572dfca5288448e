"""OpenAPI 3.1 description of the search API, served at /api/search/openapi.json."""

from archive.catalogue.models import WorkStatus
from search.query import FACETS, MAX_DECADE_SPAN, MAX_PAGE, PER_PAGE, SORTS


def list_param(name: str, description: str, **item_schema) -> dict:
    return {"name": name, "in": "query", "required": False, "description": description,
            "schema": {"type": "array", "items": {"type": "string", **item_schema}},
            "style": "form", "explode": True}


def int_param(name: str, description: str) -> dict:
    return {"name": name, "in": "query", "required": False, "description": description,
            "schema": {"type": "integer"}}


PARAMETERS = [
    {"name": "q", "in": "query", "required": False, "schema": {"type": "string", "maxLength": 200},
     "description": "Words, names, places, techniques or an inventory number. Accents are optional "
                    "(`vitrazas` finds `vitražas`); Lithuanian and English word forms are stemmed."},
    {"name": "lang", "in": "query", "required": False, "schema": {"type": "string", "enum": ["lt", "en"],
     "default": "lt"}, "description": "Which language version of the catalogue to search."},
    list_param("collection", "Collection slug; repeat for any of several."),
    list_param("creator", "Creator key; repeat for any of several."),
    list_param("place", "Place key; repeat for any of several."),
    list_param("technique", "Technique or material key; repeat for any of several."),
    list_param("subject", "Subject slug; repeat for any of several."),
    list_param("century", "Century number (20 = 1900-1999, as the catalogue reads \"XX a.\"); repeat for any of "
               "several. Undated items are in none."),
    list_param("decade", f"First year of a decade (1930 = 1930-1939); repeat for any of several. Undated items, "
                         f"and items dated to a range longer than {MAX_DECADE_SPAN} years, are in none.",
               pattern="^[0-9]*0$"),
    list_param("state", "Current state of the work, after the latest recorded event in its life (lost = "
                        "destroyed); repeat for any of several. Items with no recorded events have none.",
               enum=list(WorkStatus.values)),
    {"name": "undated", "in": "query", "required": False, "schema": {"type": "boolean", "default": False},
     "description": "true (or 1): only items with no date range. The `undated` facet counts them; they never "
                    "match a year range, century or decade."},
    int_param("from", "Earliest year: items whose date range overlaps from..to are returned."),
    int_param("to", "Latest year of the range."),
    {"name": "sort", "in": "query", "required": False, "schema": {"type": "string", "enum": list(SORTS)},
     "description": "relevance (default with q), date (oldest first), -date (newest first), title (default "
                    "without q)."},
    {"name": "page", "in": "query", "required": False,
     "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1},
     "description": f"{PER_PAGE} results a page; a page past the end returns the last page."},
]

FACET_VALUE = {"type": "object", "required": ["value", "label", "count"], "properties": {
    "value": {"type": "string", "description": "What to pass back in the parameter of the same name."},
    "label": {"type": "string"},
    "count": {"type": "integer", "description": "Matching items with this value (given the other filters)."},
}}

FACETS_DESCRIPTION = (
    f"One list per filter parameter ({', '.join(FACETS)}), values with most items first; centuries and "
    "decades in time order, states from surviving to lost. `undated` has one value, `1`, counting the "
    "matching items with no date range."
)

RESULT = {"type": "object", "required": ["id", "title", "url"], "properties": {
    "id": {"type": "integer"},
    "title": {"type": "string"},
    "url": {"type": "string", "format": "uri"},
    "inventory_number": {"type": "string"},
    "thumbnail": {"type": ["string", "null"], "format": "uri"},
    "manifest": {"type": ["string", "null"], "format": "uri", "description": "IIIF Presentation manifest."},
    "date": {"type": "object", "properties": {
        "text": {"type": "string"}, "earliest": {"type": ["integer", "null"]},
        "latest": {"type": ["integer", "null"]}}},
    "collection": {"type": ["object", "null"], "properties": {
        "title": {"type": "string"}, "slug": {"type": "string"}, "url": {"type": "string", "format": "uri"}}},
    "snippets": {"type": "array", "items": {"type": "string"},
                 "description": "HTML-escaped fragments with <mark> around matched words."},
}}

UNAVAILABLE = {"description": "The search engine cannot be reached; retry later.", "content": {
    "application/json": {"schema": {"type": "object", "properties": {
        "error": {"type": "string", "const": "search_unavailable"}, "detail": {"type": "string"}}}}}}


def openapi_document(server_url: str) -> dict:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Klaipėda heritage archive search API", "version": "1.0.0",
                 "description": "Full-text and faceted search over the published catalogue items."},
        "servers": [{"url": server_url.rstrip("/")}],
        "paths": {
            "/api/search/": {"get": {
                "operationId": "searchItems", "summary": "Search catalogue items", "parameters": PARAMETERS,
                "responses": {
                    "200": {"description": "One page of results with facet counts.", "content": {
                        "application/json": {"schema": {"type": "object",
                                                        "required": ["count", "results", "facets"],
                                                        "properties": {
                            "count": {"type": "integer"},
                            "page": {"type": "integer"},
                            "num_pages": {"type": "integer"},
                            "results": {"type": "array", "items": RESULT},
                            "facets": {"type": "object",
                                       "additionalProperties": {"type": "array", "items": FACET_VALUE},
                                       "description": FACETS_DESCRIPTION},
                        }}}}},
                    "503": UNAVAILABLE,
                }}},
            "/api/search/suggest/": {"get": {
                "operationId": "suggestTitles", "summary": "Item titles for a query being typed",
                "parameters": [PARAMETERS[0], PARAMETERS[1]],
                "responses": {
                    "200": {"description": "Up to eight titles.", "content": {"application/json": {"schema": {
                        "type": "object", "properties": {
                            "suggestions": {"type": "array", "items": {"type": "string"}}}}}}},
                    "503": UNAVAILABLE,
                }}},
        },
    }
