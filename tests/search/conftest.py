"""Search fixtures: the catalogue, and each backend ready to search it (Elasticsearch only when it runs)."""

import uuid

import pytest
from django.conf import settings as django_settings
from elasticsearch import helpers

from search.backends import get_catalogue_backend
from search.backends.elasticsearch import ElasticsearchBackend
from search.indexing import sync_changes
from tests.search.catalogue import build_catalogue

RUN_ID = uuid.uuid4().hex[:8]


@pytest.fixture(scope="session")
def elasticsearch_url():
    from elasticsearch import Elasticsearch

    url = django_settings.ELASTICSEARCH_URL
    try:
        client = Elasticsearch(url, request_timeout=3, max_retries=0)
        client.cluster.health(wait_for_status="yellow", timeout="3s")
    except Exception as error:  # any failure means the same here: no usable node
        pytest.skip(
            f"Elasticsearch is not reachable at {url} "
            f"(start it with scripts/elasticsearch.sh start): {error.__class__.__name__}"
        )
    return url


@pytest.fixture(scope="session")
def elasticsearch_prefix(elasticsearch_url):
    """One index for the whole run (creating one per test is slow); emptied before each test."""
    prefix = f"test-{RUN_ID}"
    backend = ElasticsearchBackend(url=elasticsearch_url, index_prefix=prefix)
    backend.delete_all()
    yield prefix
    backend.delete_all()


def clear_documents(backend: ElasticsearchBackend) -> None:
    # The database rolls back after each test and reuses page ids, so no document may outlive its test.
    backend.ensure_index()
    client = backend.client
    hits = client.search(index=backend.alias, size=10_000, source=False)["hits"]["hits"]
    if hits:
        helpers.bulk(
            client, [{"_op_type": "delete", "_id": hit["_id"]} for hit in hits], index=backend.alias, refresh=True
        )


@pytest.fixture
def elasticsearch(elasticsearch_prefix, settings):
    """The Elasticsearch backend on this run's empty index; signals and views use it too."""
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.SEARCH_INDEX_PREFIX = elasticsearch_prefix
    settings.SEARCH_REFRESH_ON_WRITE = True  # whatever settings module runs the suite (make test: dev)
    backend = get_catalogue_backend()
    clear_documents(backend)
    return backend


@pytest.fixture
def database(db, settings):
    settings.SEARCH_BACKEND = "database"
    return get_catalogue_backend()


@pytest.fixture(params=["database", pytest.param("elasticsearch", marks=pytest.mark.service)])
def backend(request):
    """Each behaviour test runs against both backends, which must agree."""
    return request.getfixturevalue(request.param)


@pytest.fixture
def catalogue(home, backend):
    built = build_catalogue(home)
    sync_changes()
    return built
