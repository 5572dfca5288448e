"""Translate a SearchQuery into Elasticsearch request bodies and their responses back into results.

A search is two requests sent together (`_msearch`): the page of hits, scored and highlighted, without a
total; and the total with every facet, in filter context (no scores) and without hits, which Elasticsearch's
shard request cache keeps until the index next changes. Apart, the first lets Lucene skip the hits that
cannot reach the page, the second is counted once for everyone asking the same. Facet counts are exact and
conjunctive, as before: each facet is counted over the hits of every filter, its own included.
"""

from search.documents import FEATURE_MODELS, TEXT_FIELDS, UNFOLDED_FIELDS
from search.facet_table import FACET, FACETS
from search.query import SearchQuery
from search.results import FacetCount, SearchHit, SearchResults
from search.stemming import folded, stemmed_words, stemmings

MIN_PREFIX = 3  # shorter stems would begin too many words

# Undated: no date range, which the document shows by leaving the years out (never year 0).
UNDATED = {
    "bool": {
        "minimum_should_match": 1,
        "should": [
            {"bool": {"must_not": [{"exists": {"field": "year_earliest"}}]}},
            {"bool": {"must_not": [{"exists": {"field": "year_latest"}}]}},
        ],
    }
}
# Undated, counted from doc values: missing earliest + missing latest - missing both. A filter aggregation of
# UNDATED (must_not over all hits) costs several times as much.
UNDATED_AGGREGATIONS = {
    "no_earliest": {
        "missing": {"field": "year_earliest"},
        "aggs": {"no_latest": {"missing": {"field": "year_latest"}}},
    },
    "no_latest": {"missing": {"field": "year_latest"}},
}
SORT_CLAUSES = {
    "relevance": ["_score", {"title_sort": "asc"}],
    "date": [{"year_earliest": {"order": "asc", "missing": "_last"}}, {"title_sort": "asc"}],
    "-date": [{"year_latest": {"order": "desc", "missing": "_last"}}, {"title_sort": "asc"}],
    "title": [{"title_sort": "asc"}, {"page_id": "asc"}],
}
HIGHLIGHTED = ("description", "inscriptions", "alternative_titles", "date_text")


def indexed_forms(name: str, language: str) -> list[str]:
    """The stemmed field, and its unstemmed `folded` sub-field where the mapping has one."""
    field = f"{name}_{language}"
    return [field] if name in UNFOLDED_FIELDS else [field, f"{field}.folded"]


def text_fields(language: str) -> list[str]:
    return [
        f"{field}^{boost if index == 0 else boost * 0.8:g}"
        for name, boost in TEXT_FIELDS.items()
        for index, field in enumerate(indexed_forms(name, language))
    ]


def text_clause(text: str, language: str) -> dict:
    """Every word must match somewhere (cross-field), or the whole text is an inventory number, or (in English)
    every word's Lithuanian stem begins a word."""
    return {
        "bool": {
            "should": [
                {
                    "multi_match": {
                        "query": text,
                        "type": "cross_fields",
                        "operator": "and",
                        "fields": text_fields(language),
                    }
                },
                {"term": {"inventory_number": {"value": text, "case_insensitive": True, "boost": 50}}},
                *other_stemming_clauses(text, language),
            ],
            "minimum_should_match": 1,
        }
    }


def other_stemming_clauses(text: str, language: str) -> list[dict]:
    """The index stems a page in its own language only; the other stemmings a search takes (search/stemming.py:
    "Klaipėdos" on an English page) match as the start of a word in the folded fields ("klaiped" -> Klaipėda)."""
    fields = [f"{name}_{language}.folded" for name in TEXT_FIELDS if name not in UNFOLDED_FIELDS]
    clauses = []
    for stemming in stemmings(language)[1:]:
        words = [folded(word) for word in stemmed_words(text, stemming)]
        if words and all(len(word) >= MIN_PREFIX for word in words):
            clauses.append(
                {
                    "bool": {
                        "must": [
                            {"multi_match": {"query": word, "type": "phrase_prefix", "fields": fields}}
                            for word in words
                        ],
                        "boost": 0.5,
                    }
                }
            )
    return clauses


def filter_clauses(query: SearchQuery, kind: str = "item") -> list[dict]:
    clauses = [{"term": {"kind": kind}}, {"term": {"language": query.language}}]
    for facet, values in query.filters.items():
        clauses.append({"terms": {FACET[facet].index_field: list(values)}})
    # A dated item matches a year range when its own range overlaps it.
    if query.year_to is not None:
        clauses.append({"range": {"year_earliest": {"lte": query.year_to}}})
    if query.year_from is not None:
        clauses.append({"range": {"year_latest": {"gte": query.year_from}}})
    if query.undated:
        clauses.append(UNDATED)
    return clauses


def search_body(query: SearchQuery) -> dict:
    """The page of hits: page ids from doc values (no _source read), and highlights when there is text."""
    must = [text_clause(query.text, query.language)] if query.text else []
    body = {
        "query": {"bool": {"must": must, "filter": filter_clauses(query)}},
        "from": query.offset,
        "size": query.per_page,
        "sort": SORT_CLAUSES[query.sort if query.text or query.sort != "relevance" else "title"],
        "track_total_hits": False,
        "_source": False,
        "docvalue_fields": ["page_id"],
    }
    if query.text:
        body["highlight"] = {
            "encoder": "html",
            "pre_tags": ["<mark>"],
            "post_tags": ["</mark>"],
            "fragment_size": 160,
            "number_of_fragments": 2,
            "require_field_match": False,
            "fields": {field: {} for name in HIGHLIGHTED for field in indexed_forms(name, query.language)},
        }
    return body


def facets_body(query: SearchQuery) -> dict:
    """The total and the facet counts of every hit, the undated ones among them."""
    text = [text_clause(query.text, query.language)] if query.text else []
    return {
        "query": {"bool": {"filter": [*text, *filter_clauses(query)]}},
        "size": 0,
        "track_total_hits": True,
        "aggs": {
            **{
                facet.name: {
                    "terms": {
                        "field": facet.index_field,
                        "size": facet.size_for(query),
                        "order": facet.aggregation_order,
                    }
                }
                for facet in FACETS
            },
            **UNDATED_AGGREGATIONS,
        },
    }


def read_response(response: dict, counted: dict) -> SearchResults:
    """Results from the answers to search_body (`response`) and facets_body (`counted`)."""
    hits = [
        SearchHit(page_id=hit["fields"]["page_id"][0], snippets=snippets(hit.get("highlight", {})))
        for hit in response["hits"]["hits"]
    ]
    aggregations = counted.get("aggregations", {})
    facets = {}
    for facet in FACETS:
        buckets = aggregations.get(facet.name, {}).get("buckets", [])
        if facet.chronological:  # decades are many: the most frequent are kept, then put in time order
            buckets = sorted(buckets, key=lambda bucket: bucket["key"])
        facets[facet.name] = [FacetCount(value=str(bucket["key"]), count=bucket["doc_count"]) for bucket in buckets]
    return SearchResults(
        count=counted["hits"]["total"]["value"], hits=hits, facets=facets, undated=undated(aggregations)
    )


def undated(aggregations: dict) -> int:
    no_earliest = aggregations.get("no_earliest", {})
    return (
        no_earliest.get("doc_count", 0)
        + aggregations.get("no_latest", {}).get("doc_count", 0)
        - no_earliest.get("no_latest", {}).get("doc_count", 0)
    )


def snippets(highlight: dict) -> tuple[str, ...]:
    """The stemmed and the folded sub-field often highlight the same fragment; keep each once."""
    seen: dict[str, None] = {}
    for fragments in highlight.values():
        for fragment in fragments:
            seen.setdefault(fragment, None)
    return tuple(seen)[:2]


def suggest_body(text: str, language: str, limit: int) -> dict:
    return {
        "query": {
            "bool": {
                "must": [{"match_bool_prefix": {f"title_{language}.folded": {"query": text, "operator": "and"}}}],
                "filter": [{"term": {"kind": "item"}}, {"term": {"language": language}}],
            }
        },
        "size": limit,
        "_source": [f"title_{language}"],
    }


def features_body(text: str, language: str, limit: int) -> dict:
    return {
        "query": {
            "bool": {
                "must": [
                    {
                        "multi_match": {
                            "query": text,
                            "operator": "and",
                            "fields": [
                                f"title_{language}^3",
                                f"title_{language}.folded^2",
                                f"description_{language}",
                                f"description_{language}.folded",
                            ],
                        }
                    }
                ],
                "filter": [{"terms": {"kind": list(FEATURE_MODELS)}}, {"term": {"language": language}}],
            }
        },
        "size": limit,
        "_source": ["page_id"],
    }
