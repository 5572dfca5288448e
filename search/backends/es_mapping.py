"""Settings and mappings of our Elasticsearch catalogue index: per-language analysers, facet keywords.

Wagtail search has no per-language analysers, so items live in an index of our own. Lithuanian text is
lower-cased, stemmed with Snowball's Lithuanian rules and only then folded to ASCII (the stemmer's suffix
rules need the diacritics); English gets possessive removal and Porter. Every text field also has a
`folded` sub-field without stemming, so exact word forms still match where the Lithuanian stemmer is
inconsistent (elasticsearch#139606). The filters come from search/elasticsearch_plugin.
"""

from search.documents import LANGUAGES, TEXT_FIELDS, UNFOLDED_FIELDS

ANALYSIS = {
    "analyzer": {
        "archive_lt": {
            "type": "custom", "tokenizer": "standard",
            "filter": ["archive_lowercase", "archive_lithuanian_stem", "archive_asciifolding"],
        },
        "archive_en": {
            "type": "custom", "tokenizer": "standard",
            "filter": ["archive_lowercase", "archive_english_stem", "archive_asciifolding"],
        },
        "archive_folded": {
            "type": "custom", "tokenizer": "standard",
            "filter": ["archive_lowercase", "archive_asciifolding"],
        },
    },
}

KEYWORDS = ("kind", "language", "inventory_number", "title_sort")
# Facet fields build their global ordinals at refresh rather than on the first search that aggregates.
FACET_KEYWORDS = ("collection_key", "creator_keys", "place_key", "technique_keys", "subject_keys", "work_status")
# Raise with every change to the fields: an index of an older version gets the new fields added in place
# (so edits can still be indexed) and `search_reindex` fills them in for the documents already there.
# 2: decades and work_status.
MAPPING_VERSION = 2


def text_field(language: str, folded: bool) -> dict:
    field = {"type": "text", "analyzer": f"archive_{language}"}
    if folded:
        field["fields"] = {"folded": {"type": "text", "analyzer": "archive_folded"}}
    return field


def index_body(shards: int = 1) -> dict:
    properties = {name: {"type": "keyword"} for name in KEYWORDS}
    properties.update({name: {"type": "keyword", "eager_global_ordinals": True} for name in FACET_KEYWORDS})
    properties.update(
        page_id={"type": "integer"},
        centuries={"type": "short"},
        decades={"type": "short"},
        year_earliest={"type": "short"},
        year_latest={"type": "short"},
    )
    for name in TEXT_FIELDS:
        for language in LANGUAGES:
            properties[f"{name}_{language}"] = text_field(language, folded=name not in UNFOLDED_FIELDS)
    return {
        "settings": {"number_of_shards": shards, "number_of_replicas": 0, "analysis": ANALYSIS},
        "mappings": {"dynamic": "strict", "_meta": {"version": MAPPING_VERSION}, "properties": properties},
    }
