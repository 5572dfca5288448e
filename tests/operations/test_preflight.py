"""`manage.py preflight`: what an upgrade still has to do, found without changing anything."""

import io
import shutil
import uuid

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from media.models import DigitizedImage, PyramidStatus
from search.backends import get_catalogue_backend
from search.backends.es_mapping import MAPPING_VERSION
from search.indexing import rebuild_index
from tests.factories import make_image
from tests.operations.scratch import scratch_database

pytestmark = pytest.mark.django_db


@pytest.fixture
def collected_static(settings, tmp_path):
    """A small static tree, collected: the real one (viewers included) would only make the test slow."""
    source, collected = tmp_path / "static", tmp_path / "collected"
    (source / "css").mkdir(parents=True)
    (source / "css" / "site.css").write_text("body { color: black; }\n")
    settings.STATICFILES_DIRS = [source]
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STATIC_ROOT = collected
    settings.WHITENOISE_USE_FINDERS = False
    settings.SEARCH_BACKEND = "database"
    shutil.copytree(source, collected)
    return source


def preflight() -> tuple[int, str]:
    out = io.StringIO()
    try:
        call_command("preflight", stdout=out)
    except CommandError as error:
        return error.returncode, out.getvalue() + str(error)
    return 0, out.getvalue()


def test_an_installation_in_step_with_its_code_needs_nothing(collected_static):
    make_image("Ready")
    code, output = preflight()
    assert code == 0, output
    assert "migrations: all applied" in output and "Nothing to do." in output


def test_each_step_is_listed_in_upgrade_order_and_nothing_is_changed(collected_static):
    last = MigrationRecorder.Migration.objects.filter(app="media").order_by("-id").first()
    last.delete()
    image = make_image("Waiting")
    DigitizedImage.objects.filter(pk=image.pk).update(pyramid_status=PyramidStatus.PENDING)
    (collected_static / "css" / "site.css").write_text("body { color: navy; }\n")
    (collected_static / "css" / "new.css").write_text("p {}\n")
    DBTaskResult.objects.create(
        task_path="media.tasks.build_pyramid_task",
        args_kwargs={"args": [1], "kwargs": {}},
        backend_name="default",
        run_after=timezone.now(),
    )
    applied = MigrationRecorder.Migration.objects.count()

    code, output = preflight()

    assert code == 1
    assert f"migrations: 1 to apply\n  media.{last.name}" in output
    assert "static files: 2 missing or changed in STATIC_ROOT\n  css/new.css\n  css/site.css" in output
    assert f"pyramids: 1 pending\n  {image.iiif_identifier}" in output
    assert "queued tasks: 1 queued or running\n  media.tasks.build_pyramid_task: 1" in output
    steps = output[output.index("Steps, in this order:") :]
    assert steps.index("1. manage.py migrate") < steps.index("2. manage.py collectstatic --noinput")
    assert "3. manage.py build_pyramids" in steps and "4. let `manage.py worker` finish" in steps
    assert "4 step(s) needed." in output
    assert MigrationRecorder.Migration.objects.count() == applied
    assert DigitizedImage.objects.get(pk=image.pk).pyramid_status == PyramidStatus.PENDING


@pytest.mark.django_db(transaction=True)
def test_a_database_never_migrated_is_told_to_migrate_and_nothing_else_is_read(collected_static, tmp_path):
    with scratch_database(tmp_path):
        code, output = preflight()
        tables = connection.introspection.table_names()
    assert code == 1 and "contenttypes.0001_initial" in output
    assert "pyramids: not checked until the migrations are applied" in output
    assert "Steps, in this order:\n  1. manage.py migrate\n1 step(s) needed." in output
    assert tables == []  # read-only: not even Django's table of migrations was created


@pytest.fixture
def elasticsearch_backend(settings, collected_static):
    from elasticsearch import Elasticsearch

    try:
        Elasticsearch(settings.ELASTICSEARCH_URL, request_timeout=3, max_retries=0).cluster.health(
            wait_for_status="yellow", timeout="3s"
        )
    except Exception as error:  # any failure means the same here: no usable node
        pytest.skip(f"Elasticsearch is not reachable at {settings.ELASTICSEARCH_URL}: {error.__class__.__name__}")
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.SEARCH_INDEX_PREFIX = f"test-preflight-{uuid.uuid4().hex[:8]}"
    backend = get_catalogue_backend()
    yield backend
    backend.delete_all()


@pytest.mark.service
def test_an_index_of_an_older_mapping_needs_a_reindex_until_it_is_rebuilt(elasticsearch_backend):
    backend = elasticsearch_backend
    code, output = preflight()
    assert code == 1 and "search: reindex needed: there is no index" in output
    assert "manage.py search_reindex" in output

    backend.ensure_index()
    assert preflight()[0] == 0
    # An index made by the previous release: its mapping's version is older than the code's.
    index = next(iter(backend.client.indices.get_alias(name=backend.alias).body))
    backend.client.indices.put_mapping(index=index, meta={"version": MAPPING_VERSION - 1})
    code, output = preflight()
    assert code == 1 and f"holds documents of mapping version {MAPPING_VERSION - 1}" in output

    # The first edit after the deploy adds the new fields in place; the documents are still the old ones.
    backend.ensure_index()
    assert f"holds documents of mapping version {MAPPING_VERSION - 1}" in preflight()[1]

    rebuild_index()
    assert preflight()[0] == 0
