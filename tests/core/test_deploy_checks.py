"""`manage.py check --deploy` asks the real services: S3 (SeaweedFS) and Elasticsearch."""

import os
import secrets
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.core import checks

from archive.core.checks import missing_analysis
from search.backends.elasticsearch import ElasticsearchBackend, client_for
from tests.s3_service import ACCESS_KEY, ENDPOINT, SECRET_KEY, s3_client, storage_options

ROOT = Path(__file__).resolve().parents[2]
DEAD_URL = "http://127.0.0.1:9"  # nothing listens on the discard port

pytestmark = pytest.mark.service


def deploy_messages(tag: str) -> list[checks.CheckMessage]:
    return checks.run_checks(tags=[tag], include_deployment_checks=True)


@pytest.fixture(scope="module")
def elasticsearch_url():
    from django.conf import settings

    try:
        client_for(settings.ELASTICSEARCH_URL, 3).cluster.health(timeout="3s")
    except Exception as error:  # any failure means the same here: no usable node
        pytest.skip(
            f"Elasticsearch is not reachable at {settings.ELASTICSEARCH_URL} "
            f"(scripts/elasticsearch.sh start): {error.__class__.__name__}"
        )
    return settings.ELASTICSEARCH_URL


@pytest.fixture
def catalogue_index(elasticsearch_url, settings):
    """An empty catalogue index of this test's own, behind its alias."""
    settings.SEARCH_INDEX_PREFIX = f"test-checks-{uuid.uuid4().hex[:8]}"
    backend = ElasticsearchBackend(url=elasticsearch_url)
    backend.ensure_index()
    yield settings.SEARCH_INDEX_PREFIX
    backend.delete_all()


# --- media storage ---


def test_an_existing_bucket_that_takes_writes_is_clean(s3_media):
    assert deploy_messages("media") == []
    assert s3_client().list_objects_v2(Bucket=s3_media).get("KeyCount", 0) == 0  # the probe is gone


def test_a_missing_bucket_is_an_error_that_names_it(settings, s3_media):
    name = f"test-missing-{uuid.uuid4().hex[:12]}"
    settings.STORAGES = {**settings.STORAGES, "default": storage_options(name)}
    [error] = deploy_messages("media")
    assert error.id == "archive.E001" and error.level == checks.ERROR
    assert f"bucket {name!r} at {ENDPOINT} does not exist" in error.msg
    assert "S3_BUCKET" in error.hint
    assert name not in {bucket["Name"] for bucket in s3_client().list_buckets()["Buckets"]}


def test_an_unreachable_store_is_an_error(settings, s3_media):
    settings.STORAGES = {**settings.STORAGES, "default": storage_options(s3_media, DEAD_URL)}
    [error] = deploy_messages("media")
    assert error.id == "archive.E002" and "cannot be reached" in error.msg and "S3_ENDPOINT_URL" in error.hint


def test_local_media_that_takes_writes_is_clean(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    assert deploy_messages("media") == []
    assert not list((tmp_path / "healthz").iterdir())


# --- search ---


def test_the_database_search_needs_no_cluster(settings):
    settings.SEARCH_BACKEND = "database"
    settings.ELASTICSEARCH_URL = DEAD_URL
    assert deploy_messages("search") == []


def test_a_reachable_cluster_with_our_analysis_and_index_is_clean(settings, catalogue_index):
    settings.SEARCH_BACKEND = "elasticsearch"
    assert deploy_messages("search") == []


def test_a_cluster_without_the_index_is_a_warning_to_reindex(settings, elasticsearch_url):
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.SEARCH_INDEX_PREFIX = f"test-never-built-{uuid.uuid4().hex[:8]}"
    [warning] = deploy_messages("search")
    assert warning.id == "archive.W001" and "search_reindex" in warning.hint


def test_a_dead_cluster_is_an_error(settings):
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = DEAD_URL
    [error] = deploy_messages("search")
    assert error.id == "archive.E004" and DEAD_URL in error.msg and "ELASTICSEARCH_URL" in error.hint


def test_filters_the_cluster_lacks_are_named(elasticsearch_url):
    client = client_for(elasticsearch_url, 5)
    analysis = {
        "analyzer": {"probe": {"tokenizer": "standard", "filter": ["archive_lowercase", "archive_no_such_filter"]}}
    }
    assert missing_analysis(client, analysis) == ["filter archive_no_such_filter"]
    assert missing_analysis(client) == []


# --- manage.py check --deploy with production settings ---


def check_deploy(tmp_path, bucket: str, elasticsearch: str, prefix: str) -> subprocess.CompletedProcess:
    inherited = {name: value for name, value in os.environ.items() if name != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "archive.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "archive.example.org",
        "ARCHIVE_DATA_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
        "S3_BUCKET": bucket,
        "S3_ENDPOINT_URL": ENDPOINT,
        "S3_ACCESS_KEY_ID": ACCESS_KEY,
        "S3_SECRET_ACCESS_KEY": SECRET_KEY,
        "SEARCH_BACKEND": "elasticsearch",
        "ELASTICSEARCH_URL": elasticsearch,
        "SEARCH_INDEX_PREFIX": prefix,
        # Production uses the built-in filters; this machine's test node has only the plugin's (it asks).
        "ELASTICSEARCH_ANALYSIS": "auto",
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.mark.slow
def test_check_deploy_is_clean_with_the_services_in_place(tmp_path, bucket, catalogue_index, elasticsearch_url):
    result = check_deploy(tmp_path, bucket, elasticsearch_url, catalogue_index)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_check_deploy_fails_and_says_what_to_fix(tmp_path, bucket):
    missing = f"test-missing-{uuid.uuid4().hex[:12]}"
    result = check_deploy(tmp_path, missing, DEAD_URL, "never")
    assert result.returncode == 1
    assert f"archive.E001) The media bucket {missing!r}" in result.stderr
    assert "archive.E004) Elasticsearch at http://127.0.0.1:9 cannot be reached" in result.stderr
    assert "HINT: Create the bucket" in result.stderr
