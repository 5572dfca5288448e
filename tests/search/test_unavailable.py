"""Elasticsearch down: search says so (503), the rest of the site works, edits wait to be indexed."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings as django_settings

from search.indexing import sync_changes
from search.models import IndexChange
from tests.search.catalogue import build_catalogue

SCRIPT = Path(django_settings.BASE_DIR) / "scripts" / "elasticsearch.sh"
CLOSED_PORT = "http://127.0.0.1:9"  # the discard port: nothing listens there


@pytest.fixture
def down(settings, db):
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = CLOSED_PORT


def test_the_api_answers_503_when_elasticsearch_cannot_be_reached(client, down):
    response = client.get("/api/search/", {"q": "vitrazas"})
    assert response.status_code == 503
    assert response.json()["error"] == "search_unavailable"
    assert response.headers["Retry-After"]


def test_the_search_page_says_search_is_unavailable(client, down):
    response = client.get("/search/", {"q": "vitrazas"})
    assert response.status_code == 503
    assert response.context["unavailable"] is True


def test_the_rest_of_the_site_works(client, down, collection):
    assert client.get(collection.url).status_code == 200


def es_script(command: str) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(SCRIPT), command], capture_output=True, text=True, timeout=300)


@pytest.mark.service
@pytest.mark.slow
def test_stopping_the_real_node_gives_503_and_restarting_it_catches_up(client, elasticsearch, home):
    """Stops the node that scripts/elasticsearch.sh started, then starts it again (about 15 s)."""
    if os.environ.get("CI", "").lower() != "true" and not os.environ.get("ES_STOP_TEST"):
        pytest.skip("stops the Elasticsearch node others may be using; runs in CI or with ES_STOP_TEST=1")
    if not shutil.which("curl") or es_script("status").returncode != 0:
        pytest.skip("Elasticsearch was not started by scripts/elasticsearch.sh, so it is not ours to stop")
    catalogue = build_catalogue(home)
    sync_changes()
    assert es_script("stop").returncode == 0
    try:
        assert client.get("/api/search/", {"q": "vitrazas"}).status_code == 503
        assert client.get("/search/", {"q": "vitrazas"}).status_code == 503
        assert client.get(catalogue.stained.url).status_code == 200
        catalogue.church.unpublish()
        sync_changes()
        assert IndexChange.objects.get(page_id=catalogue.church.pk).synced is False
    finally:
        started = es_script("start")
        assert started.returncode == 0, started.stderr
    assert sync_changes() == 1
    data = client.get("/api/search/", {"q": "vitrazas"}).json()
    assert [result["title"] for result in data["results"]] == ["Vitražas su Klaipėdos herbu"]
