"""OpenAPI 3.1 description of the search API and the exports, served at /api/search/openapi.json."""

from archive.records.export_query import EXPORT_PARAMETERS
from search.facet_table import FACETS
from search.parameters import SEARCH_PARAMETERS, SUGGEST_PARAMETERS, Parameter
from search.query import MAX_HITS


def query_parameter(parameter: Parameter) -> dict:
    """One declared parameter as OpenAPI describes it; a repeated one is an array, written `name=a&name=b`."""
    described = {
        "name": parameter.name,
        "in": "query",
        "required": False,
        "description": parameter.description,
        **({"example": parameter.example} if parameter.example is not None else {}),
    }
    if not parameter.repeated:
        return {**described, "schema": parameter.schema}
    return {**described, "schema": {"type": "array", "items": parameter.schema}, "style": "form", "explode": True}


PARAMETERS = [query_parameter(parameter) for parameter in SEARCH_PARAMETERS]

FACET_VALUE = {
    "type": "object",
    "required": ["value", "label", "count"],
    "properties": {
        "value": {"type": "string", "description": "What to pass back in the parameter of the same name."},
        "label": {"type": "string"},
        "count": {"type": "integer", "description": "Matching items with this value (given the other filters)."},
    },
}

FACETS_DESCRIPTION = (
    f"One list per filter parameter ({', '.join(facet.name for facet in FACETS)}), values with most items first; "
    "centuries and decades in time order, states from surviving to lost. `undated` has one value, `1`, counting the "
    "matching items with no date range."
)

RESULT = {
    "type": "object",
    "required": ["id", "title", "url"],
    "properties": {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "url": {"type": "string", "format": "uri"},
        "inventory_number": {"type": "string"},
        "thumbnail": {"type": ["string", "null"], "format": "uri"},
        "manifest": {"type": ["string", "null"], "format": "uri", "description": "IIIF Presentation manifest."},
        "date": {
            "type": "object",
            "properties": {
                "text": {"type": "string"},
                "earliest": {"type": ["integer", "null"]},
                "latest": {"type": ["integer", "null"]},
            },
        },
        "collection": {
            "type": ["object", "null"],
            "properties": {
                "title": {"type": "string"},
                "slug": {"type": "string"},
                "url": {"type": "string", "format": "uri"},
            },
        },
        "snippets": {
            "type": "array",
            "items": {"type": "string"},
            "description": "HTML-escaped fragments with <mark> around matched words.",
        },
    },
}

DATES = {
    "type": ["object", "null"],
    "required": ["text", "from", "to"],
    "properties": {"text": {"type": "string"}, "from": {"type": "integer"}, "to": {"type": "integer"}},
    "description": "How `q` was read when all of it is a date phrase (then searched as these years, not as words); "
    "null when `q` was searched as words.",
}

UNAVAILABLE = {
    "description": "The search engine cannot be reached; retry later.",
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "properties": {
                    "error": {"type": "string", "const": "search_unavailable"},
                    "detail": {"type": "string"},
                },
            }
        }
    },
}
INVALID_PARAMETER = {
    "description": "A parameter this operation does not take, one given twice, or a value it cannot use (a year "
    "outside its range or not in the digits 0-9, `from` after `to`, a page out of range, an unknown "
    "sort, a facet value the catalogue does not hold, a text longer than `q` allows). Only the "
    "first such parameter is named.",
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["error", "parameter", "detail"],
                "properties": {
                    "error": {"type": "string", "const": "invalid_parameter"},
                    "parameter": {"type": "string", "description": "The name of the parameter, as it was sent."},
                    "detail": {"type": "string", "description": "What is wrong with it and what it takes, in English."},
                },
            }
        }
    },
}


def openapi_document(server_url: str) -> dict:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Klaipėda heritage archive search API",
            "version": "1.0.0",
            "description": "Full-text and faceted search over the published catalogue items.",
        },
        "servers": [{"url": server_url.rstrip("/")}],
        "paths": {
            "/api/search/": {
                "get": {
                    "operationId": "searchItems",
                    "summary": "Search catalogue items",
                    "parameters": PARAMETERS,
                    "responses": {
                        "200": {
                            "description": "One page of results with facet counts.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "required": ["count", "results", "facets"],
                                        "properties": {
                                            "count": {"type": "integer"},
                                            "page": {"type": "integer"},
                                            "num_pages": {"type": "integer"},
                                            "dates": DATES,
                                            "results": {"type": "array", "items": RESULT},
                                            "facets": {
                                                "type": "object",
                                                "additionalProperties": {"type": "array", "items": FACET_VALUE},
                                                "description": FACETS_DESCRIPTION,
                                            },
                                        },
                                    }
                                }
                            },
                        },
                        "400": INVALID_PARAMETER,
                        "503": UNAVAILABLE,
                    },
                }
            },
            **export_paths(),
            "/api/search/suggest/": {
                "get": {
                    "operationId": "suggestTitles",
                    "summary": "Item titles for a query being typed",
                    "parameters": [query_parameter(parameter) for parameter in SUGGEST_PARAMETERS],
                    "responses": {
                        "200": {
                            "description": "Up to eight titles.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {"suggestions": {"type": "array", "items": {"type": "string"}}},
                                    }
                                }
                            },
                        },
                        "400": INVALID_PARAMETER,
                        "503": UNAVAILABLE,
                    },
                }
            },
        },
    }


TOO_LARGE = {
    "description": f"The search finds more items than an export holds (RECORDS_EXPORT_MAX_ROWS, at most {MAX_HITS}): "
    "narrow it and export each part.",
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "properties": {
                    "error": {"type": "string", "const": "too_many_items"},
                    "total": {"type": "integer"},
                    "limit": {"type": "integer"},
                    "detail": {"type": "string"},
                },
            }
        }
    },
}
EXPORT_FORMATS = {
    "csv": ("text/csv", "A header row, then one row per item."),
    "json": ("application/json", "`query`, `total`, `returned`, then `items`, one object per item."),
}


def export_paths() -> dict:
    """/api/export.csv and /api/export.json: every hit of the search with the same parameters, in its order."""
    return {
        f"/api/export.{fmt}": {
            "get": {
                "operationId": f"export{fmt.upper()}",
                "summary": f"Every item the search finds, as {fmt.upper()}",
                "description": "Takes the search's parameters except `page` (the export holds every page), and the "
                "same values; the items are exactly the search's hits, in its order.",
                "parameters": [query_parameter(parameter) for parameter in EXPORT_PARAMETERS],
                "responses": {
                    "200": {"description": description, "content": {media_type: {"schema": {"type": "string"}}}},
                    "400": INVALID_PARAMETER,
                    "413": TOO_LARGE,
                    "503": UNAVAILABLE,
                },
            }
        }
        for fmt, (media_type, description) in EXPORT_FORMATS.items()
    }
