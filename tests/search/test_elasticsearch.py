"""What only the Elasticsearch index does: stemming, accent folding, highlights, suggestions, rebuilds."""

import pytest

from archive.catalogue.models import ItemPage
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
        "Stained glass windows of the Klaipėda church"]


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
