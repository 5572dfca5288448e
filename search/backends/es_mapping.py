"""Settings and mappings of our Elasticsearch catalogue index: per-language analysers, the facets' fields
(search/facet_table.py).

Wagtail search has no per-language analysers, so items live in an index of our own. Lithuanian text is
lower-cased, stemmed with Snowball's Lithuanian rules and only then folded to ASCII (the stemmer's suffix
rules need the diacritics); English gets possessive removal and Porter. Every text field also has a
`folded` sub-field without stemming, so exact word forms still match where the Lithuanian stemmer is
inconsistent (elasticsearch#139606).

The filters are Elasticsearch's built-in ones (the analysis-common module every distribution has), or the
same Lucene filters under `archive_*` names from search/elasticsearch_plugin, for a node without
analysis-common (the integ-test distribution the tests run on): `ELASTICSEARCH_ANALYSIS` chooses.
"""

from search.documents import LANGUAGES, TEXT_FIELDS, UNFOLDED_FIELDS
from search.facet_table import FACETS

# Each analyser: the standard tokenizer, then these steps in this order.
ANALYSERS = {
    "archive_lt": ("lowercase", "lithuanian_stem", "asciifolding"),
    "archive_en": ("lowercase", "english_stem", "asciifolding"),
    "archive_folded": ("lowercase", "asciifolding"),
}
# The filters a step is made of, by where they come from. `stemmer` is analysis-common's; the plugin's
# English filter does both halves of the built-in pair.
FILTERS = {
    "builtin": {
        "lowercase": ("lowercase",),
        "lithuanian_stem": ("lithuanian_stemmer",),
        "english_stem": ("english_possessive", "english_stemmer"),
        "asciifolding": ("asciifolding",),
    },
    "plugin": {
        "lowercase": ("archive_lowercase",),
        "lithuanian_stem": ("archive_lithuanian_stem",),
        "english_stem": ("archive_english_stem",),
        "asciifolding": ("archive_asciifolding",),
    },
}
# Built-in filters that take parameters are declared in the index settings under these names.
CONFIGURED_FILTERS = {
    "builtin": {
        "lithuanian_stemmer": {"type": "stemmer", "language": "lithuanian"},
        "english_possessive": {"type": "stemmer", "language": "possessive_english"},
        "english_stemmer": {"type": "stemmer", "language": "english"},
    },
    "plugin": {},
}
ANALYSIS_FILTERS = tuple(FILTERS)

KEYWORDS = ("kind", "language", "inventory_number", "title_sort")
# Raise with every change to the fields: an index of an older version gets the new fields added in place
# (so edits can still be indexed) and `search_reindex` fills them in for the documents already there.
# 2: decades and work_status.
MAPPING_VERSION = 2


def analysis(filters: str) -> dict:
    """The index's analysis settings built from `filters` ("builtin" or "plugin")."""
    if filters not in FILTERS:
        raise ValueError(f"analysis filters must be one of {', '.join(FILTERS)}, not {filters!r}")
    analyzers = {
        name: {
            "type": "custom",
            "tokenizer": "standard",
            "filter": [name for step in steps for name in FILTERS[filters][step]],
        }
        for name, steps in ANALYSERS.items()
    }
    configured = CONFIGURED_FILTERS[filters]
    return {"analyzer": analyzers, **({"filter": dict(configured)} if configured else {})}


def text_field(language: str, folded: bool) -> dict:
    field = {"type": "text", "analyzer": f"archive_{language}"}
    if folded:
        field["fields"] = {"folded": {"type": "text", "analyzer": "archive_folded"}}
    return field


def facet_field(index_type: str) -> dict:
    """Keyword facets build their global ordinals at refresh rather than on the first search that aggregates."""
    return {"type": index_type, **({"eager_global_ordinals": True} if index_type == "keyword" else {})}


def mappings() -> dict:
    properties = {name: {"type": "keyword"} for name in KEYWORDS}
    properties.update({facet.index_field: facet_field(facet.index_type) for facet in FACETS})
    properties.update(page_id={"type": "integer"}, year_earliest={"type": "short"}, year_latest={"type": "short"})
    for name in TEXT_FIELDS:
        for language in LANGUAGES:
            properties[f"{name}_{language}"] = text_field(language, folded=name not in UNFOLDED_FIELDS)
    return {"dynamic": "strict", "_meta": {"version": MAPPING_VERSION}, "properties": properties}


def index_body(filters: str = "builtin", shards: int = 1, replicas: int = 0) -> dict:
    return {
        "settings": {"number_of_shards": shards, "number_of_replicas": replicas, "analysis": analysis(filters)},
        "mappings": mappings(),
    }
