"""What only the Elasticsearch index does: stemming, accent folding, highlights, suggestions, rebuilds."""

import pytest

from archive.catalogue.models import ItemPage
from search.backends.elasticsearch import analysis_filters
from search.backends.es_mapping import MAPPING_VERSION, index_body
from search.indexing import rebuild_index, sync_changes
from search.models import IndexChange
from search.query import SearchQuery

pytestmark = pytest.mark.service


@pytest.fixture
def indexed(home, elasticsearch):
    from tests.search.catalogue import build_catalogue

    built = build_catalogue(home)
    sync_changes()
    return built


def titles(backend, **fields) -> list[str]:
    hits = backend.search(SearchQuery(**fields)).hits
    by_id = ItemPage.objects.in_bulk([hit.page_id for hit in hits])
    return [by_id[hit.page_id].title for hit in hits]


def test_vitrazas_without_diacritics_finds_the_stained_glass_items(elasticsearch, indexed):
    assert set(titles(elasticsearch, text="vitrazas")) == {"Vitražas su Klaipėdos herbu", "Bažnyčios langas"}


def test_klaipeda_without_diacritics_finds_klaipeda(elasticsearch, indexed):
    assert "Vitražas su Klaipėdos herbu" in titles(elasticsearch, text="Klaipeda")


def test_a_lithuanian_inflected_form_finds_the_item(elasticsearch, indexed):
    # "vitražai" (plural) and "herbas" (nominative) against "Vitražas su ... herbu" (instrumental).
    assert titles(elasticsearch, text="vitražai herbas") == ["Vitražas su Klaipėdos herbu"]


def test_english_stemming_applies_to_english_items(elasticsearch, indexed):
    assert titles(elasticsearch, text="window churches", language="en") == [
        "Stained glass windows of the Klaipėda church"
    ]


def test_the_title_ranks_above_a_mention_elsewhere(elasticsearch, indexed):
    found = titles(elasticsearch, text="uostas")
    assert found[0] == "Uosto panorama"


def test_inventory_numbers_match_exactly_not_by_parts(elasticsearch, indexed):
    assert titles(elasticsearch, text="klavb-v-001") == ["Vitražas su Klaipėdos herbu"]
    assert titles(elasticsearch, text="KLAVB-V-00") == []


def test_matched_words_are_highlighted_in_snippets(elasticsearch, indexed):
    hits = elasticsearch.search(SearchQuery(text="svyturio")).hits
    assert hits and any("<mark>švyturio</mark>" in snippet for snippet in hits[0].snippets)


def test_technique_facet_counts_materials_too(elasticsearch, indexed):
    counts = {f.value: f.count for f in elasticsearch.search(SearchQuery()).facets["technique"]}
    assert counts == {"vitrazas": 2, "fotografija": 2, "svinas": 1}


def test_facets_follow_the_text_query(elasticsearch, indexed):
    counts = {f.value: f.count for f in elasticsearch.search(SearchQuery(text="vitrazas")).facets["place"]}
    assert counts == {"klaipeda": 1, "kretinga": 1}


def test_a_range_that_only_touches_the_end_of_an_items_dates_still_matches(elasticsearch, indexed):
    assert titles(elasticsearch, year_from=1910, year_to=1910) == ["Bažnyčios langas"]
    assert titles(elasticsearch, year_from=1937, year_to=1950) == ["Vitražas su Klaipėdos herbu"]


def test_suggestions_complete_a_title_prefix_without_diacritics(elasticsearch, indexed):
    assert elasticsearch.suggest("bazny", "lt") == ["Bažnyčios langas"]


def test_collections_are_found_by_their_title(elasticsearch, indexed):
    assert elasticsearch.search_features("fotografijos", "lt") == [indexed.photos.pk]


def test_rebuild_switches_the_alias_to_a_new_index_and_drops_the_old(elasticsearch, indexed):
    before = set(elasticsearch.client.indices.get_alias(name=elasticsearch.alias).body)
    assert rebuild_index() == 8  # 5 published items (4 lt, 1 en) and 3 collections
    after = set(elasticsearch.client.indices.get_alias(name=elasticsearch.alias).body)
    assert before.isdisjoint(after) and len(after) == 1
    assert not elasticsearch.client.indices.exists(index=",".join(before), allow_no_indices=False)
    assert len(titles(elasticsearch, text="vitrazas")) == 2


def test_edits_made_while_elasticsearch_is_down_are_indexed_when_it_is_back(elasticsearch, indexed, settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens on the discard port
    indexed.harbour.title = "Žiemos uostas"
    indexed.harbour.save_revision().publish()
    sync_changes()
    assert IndexChange.objects.get(page_id=indexed.harbour.pk).synced is False

    settings.ELASTICSEARCH_URL = elasticsearch.url
    assert sync_changes() == 1
    assert titles(elasticsearch, text="Žiemos") == ["Žiemos uostas"]


def test_an_index_of_an_older_mapping_gets_the_new_fields_so_edits_are_still_indexed(elasticsearch, home, caplog):
    from tests.search.catalogue import build_catalogue

    old = index_body(analysis_filters(elasticsearch.client))
    del old["mappings"]["_meta"], old["mappings"]["properties"]["decades"], old["mappings"]["properties"]["work_status"]
    old_index = f"{elasticsearch.alias}-before-decades"
    elasticsearch.client.indices.create(index=old_index, body=old)
    elasticsearch.swap_alias(old_index)

    build_catalogue(home)
    sync_changes()
    assert not IndexChange.objects.filter(synced=False).exists()
    mapping = elasticsearch.client.indices.get_mapping(index=old_index)[old_index]["mappings"]
    # The new fields are there; the documents already indexed keep their older version until search_reindex.
    assert mapping["_meta"] == {"version": MAPPING_VERSION, "documents_version": 1}
    assert {"decades", "work_status"} <= set(mapping["properties"])
    assert titles(elasticsearch, filters={"state": ("lost",)}) == ["Bažnyčios langas"]
    assert "run search_reindex" in caplog.text


QUERIES = [
    {"sort": "title"},
    {"filters": {"decade": ("1900", "1930")}, "sort": "date"},
    {"filters": {"state": ("lost",)}},
    {"filters": {"century": ("20",), "state": ("survives", "lost")}, "sort": "-date"},
    {"undated": True},
    {"undated": True, "filters": {"collection": ("vitrazai",)}},
    {"year_from": 1900, "year_to": 1935, "sort": "date"},
    {"language": "en", "filters": {"decade": ("1890",)}},
]


@pytest.mark.parametrize("fields", QUERIES)
def test_both_backends_give_the_same_answers_about_dates_and_states(database, elasticsearch, indexed, fields):
    # `database` first: `elasticsearch` then sets the backend the catalogue is indexed into.
    query = SearchQuery(**fields)
    from_elasticsearch = elasticsearch.search(query)
    from_database = database.search(query)
    assert [hit.page_id for hit in from_elasticsearch.hits] == [hit.page_id for hit in from_database.hits]
    assert (from_elasticsearch.count, from_elasticsearch.undated) == (from_database.count, from_database.undated)
    for facet in ("century", "decade", "state", "collection", "place"):
        assert from_elasticsearch.facets[facet] == from_database.facets[facet], facet
