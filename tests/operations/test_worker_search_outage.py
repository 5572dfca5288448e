"""An edit made while Elasticsearch is down: its sync task is recorded as failed, and the worker indexes it by
itself once search is back, without a later edit. The real node keeps running: the backend is pointed at a
port where nothing listens, then back."""

import uuid

import pytest
from django.conf import settings as django_settings
from django_tasks_db.models import DBTaskResult

from archive.core.worker_loop import WorkerLoop
from search.backends import get_catalogue_backend
from search.backends.elasticsearch import ElasticsearchBackend
from search.models import IndexChange
from search.query import SearchQuery
from tests.factories import make_collection, make_home, make_item

pytestmark = pytest.mark.slow
DEAD_PORT = "http://127.0.0.1:9"  # the discard port: nothing listens there


@pytest.fixture
def elasticsearch(settings):
    from elasticsearch import Elasticsearch

    try:
        Elasticsearch(settings.ELASTICSEARCH_URL, request_timeout=3, max_retries=0).cluster.health(timeout="3s")
    except Exception as error:  # any failure means the same here: no usable node
        pytest.skip(f"Elasticsearch is not reachable at {settings.ELASTICSEARCH_URL}: {error.__class__.__name__}")
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.SEARCH_INDEX_PREFIX = f"test-worker-{uuid.uuid4().hex[:8]}"
    settings.SEARCH_REFRESH_ON_WRITE = True
    yield settings.ELASTICSEARCH_URL
    ElasticsearchBackend(url=settings.ELASTICSEARCH_URL, index_prefix=settings.SEARCH_INDEX_PREFIX).delete_all()


def found(text: str) -> list[int]:
    return [hit.page_id for hit in get_catalogue_backend().search(SearchQuery(text=text)).hits]


def sync_tasks() -> list[tuple[str, str]]:
    return list(
        DBTaskResult.objects.filter(task_path="search.tasks.sync_index_changes")
        .order_by("enqueued_at")
        .values_list("status", "exception_class_path")
    )


@pytest.mark.service
def test_an_edit_made_while_search_is_down_is_indexed_when_it_is_back(transactional_db, settings, elasticsearch):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.SEARCH_SYNC_RETRY_SECONDS = 0  # every round of the worker looks at the outbox
    loop = WorkerLoop("worker-under-test", report=lambda line: None)
    item = make_item(make_collection(make_home()), title="Langas")
    loop.round()
    assert found("Langas") == [item.pk]

    settings.ELASTICSEARCH_URL = DEAD_PORT
    item.title = "Žiemos langas"
    item.save_revision().publish()
    loop.round()
    assert IndexChange.objects.get(page_id=item.pk).synced is False
    failed = [outcome for outcome in sync_tasks() if outcome[0] == "FAILED"]
    assert failed and {path for _status, path in failed} == {"search.results.SearchUnavailable"}

    settings.ELASTICSEARCH_URL = elasticsearch
    loop.round()  # no new edit: the worker's own look at the outbox brings it in
    assert not IndexChange.objects.filter(synced=False).exists()
    assert found("Žiemos") == [item.pk]
    assert sync_tasks()[-1] == ("SUCCESSFUL", "")


def test_the_worker_queues_no_sync_when_nothing_waits(transactional_db, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.SEARCH_SYNC_RETRY_SECONDS = 0
    assert django_settings.SEARCH_BACKEND == "database"
    WorkerLoop("worker-under-test", report=lambda line: None).round()
    assert sync_tasks() == []
