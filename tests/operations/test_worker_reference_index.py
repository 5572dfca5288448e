"""Wagtail's reference and search indexes under the database task backend: one task per transaction, not one
per save, and an object deleted before the task runs is passed over instead of failing with DoesNotExist."""

import logging

from django.db import transaction
from django_tasks_db.models import DBTaskResult
from wagtail.models import ReferenceIndex

from archive.core.index_updates import update_references
from archive.core.worker_loop import WorkerLoop
from tests.factories import make_collection, make_home, make_image, make_item

WAGTAILS_TASKS = {"wagtail.tasks.update_reference_index_task", "modelsearch.tasks.insert_or_update_object_task"}
OURS = {"archive.core.index_updates.update_references", "archive.core.index_updates.update_search_index"}


def tasks_by_path() -> dict[str, int]:
    paths = list(DBTaskResult.objects.values_list("task_path", flat=True))
    return {path: paths.count(path) for path in set(paths)}


def test_a_transaction_queues_one_reference_task_and_deleted_objects_fail_nothing(transactional_db, settings, caplog):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with transaction.atomic():  # as the seed loader writes: everything in one transaction
        image = make_image("Vitražas")
        collection = make_collection(make_home())
        items = [make_item(collection, title=f"Langas {number}", images=[image]) for number in range(6)]
        gone = make_item(collection, title="Trumpalaikis", images=[image])
        gone.delete()  # saved, then deleted before any task runs: Wagtail's task failed on it
    queued = tasks_by_path()
    assert not WAGTAILS_TASKS & set(queued)
    assert {path: queued[path] for path in OURS} == dict.fromkeys(OURS, 1)

    with caplog.at_level(logging.INFO):
        WorkerLoop("worker-under-test", report=lambda line: None).round()
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    assert not [record for record in caplog.records if record.levelno >= logging.ERROR]
    for item in items:  # each item's use of the image is in the index
        assert ReferenceIndex.objects.filter(object_id=str(item.pk), to_object_id=str(image.pk)).exists()


def test_the_task_passes_over_objects_that_no_longer_exist(db):
    image = make_image("Vitražas")
    item = make_item(make_collection(make_home()), title="Langas", images=[image])
    assert (
        update_references.call(
            [
                ["catalogue", "itempage", str(item.pk)],
                ["catalogue", "itempage", "999999"],
                ["media", "digitizedimage", "999999"],
            ]
        )
        == 1
    )
