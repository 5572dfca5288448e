"""Shards and replicas come from the settings; a rebuild (search_reindex) and its alias swap keep working."""

import io

import pytest
from django.core.management import call_command

from search.indexing import sync_changes
from search.query import SearchQuery
from tests.search.catalogue import build_catalogue

pytestmark = pytest.mark.service


def index_settings(backend) -> tuple[str, dict]:
    [(index, found)] = backend.client.indices.get_settings(index=backend.alias).body.items()
    return index, found["settings"]["index"]


def test_search_reindex_builds_the_shards_and_replicas_the_settings_ask_for(elasticsearch, home, settings):
    build_catalogue(home)
    sync_changes()
    before, _ = index_settings(elasticsearch)
    expected = elasticsearch.search(SearchQuery(text="langas")).count
    assert expected > 0

    settings.ELASTICSEARCH_SHARDS, settings.ELASTICSEARCH_REPLICAS = 2, 1
    call_command("search_reindex", stdout=io.StringIO())
    rebuilt, found = index_settings(elasticsearch)
    assert rebuilt != before and not elasticsearch.client.indices.exists(index=before)  # swapped, old one gone
    assert (found["number_of_shards"], found["number_of_replicas"]) == ("2", "1")
    assert found["refresh_interval"] == "1s"  # the bulk-loading settings were undone
    results = elasticsearch.search(SearchQuery(text="langas"))
    assert results.count == expected and results.hits

    settings.ELASTICSEARCH_SHARDS, settings.ELASTICSEARCH_REPLICAS = 1, 0
    call_command("search_reindex", stdout=io.StringIO())
    _, found = index_settings(elasticsearch)
    assert (found["number_of_shards"], found["number_of_replicas"]) == ("1", "0")
    assert elasticsearch.search(SearchQuery(text="langas")).count == expected


def test_an_index_made_on_first_use_has_the_configured_replicas(elasticsearch, settings):
    elasticsearch.delete_all()
    settings.ELASTICSEARCH_REPLICAS = 1
    elasticsearch.ensure_index()
    _, found = index_settings(elasticsearch)
    assert found["number_of_replicas"] == "1"
    elasticsearch.delete_all()  # the next test makes one of the usual kind
