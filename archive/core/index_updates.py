"""Wagtail's reference index ("usage") and its search index (modelsearch), updated once per transaction
instead of once per save.

Wagtail's and modelsearch's post_save handlers queue a task for every save of a tracked object: the seed
loader queues thousands in one transaction, and each task fails with DoesNotExist for an object deleted
before it runs (the child rows a page publish replaces, a page removed in the same transaction). Here the
handlers' `enqueue` only notes the object; when the transaction commits, the objects noted are handed to one
task per batch, which updates each object once and passes over what no longer exists.
"""

import logging
from collections.abc import Callable

from asgiref.local import Local
from django.apps import apps
from django.db import transaction
from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks.base import Task
from modelcluster.fields import ParentalKey
from modelsearch import index as search_index
from wagtail.models import ReferenceIndex

logger = logging.getLogger(__name__)
BATCH = 500


class BatchedUpdates:
    """Stands in for a task where a signal handler calls `<task>.enqueue(app_label, model_name, pk)`. With the
    immediate backend (the embedded run, tests) the original task runs at once, as before."""

    def __init__(self, original: Task, batch_task: Callable[[], Task]):
        self.original = original
        self.batch_task = batch_task  # called late: the tasks are defined below
        self.pending = Local()  # the objects noted in this thread since the last commit

    def enqueue(self, app_label: str, model_name: str, pk: str) -> None:
        if isinstance(self.original.get_backend(), ImmediateBackend):
            self.original.enqueue(app_label, model_name, pk)
            return
        noted = getattr(self.pending, "keys", None)
        if noted is None:
            noted = self.pending.keys = {}
        noted[(app_label, model_name, str(pk))] = None  # ordered, without repeats
        transaction.on_commit(self.queue_noted)

    def queue_noted(self) -> None:
        keys = list(getattr(self.pending, "keys", None) or ())
        self.pending.keys = {}
        for start in range(0, len(keys), BATCH):
            self.batch_task().enqueue([list(key) for key in keys[start : start + BATCH]])


def install() -> None:
    """Called from CoreConfig.ready(): the handlers look their task up in their module at each save. A second
    call changes nothing (wrapping a BatchedUpdates would break every save)."""
    from modelsearch import signal_handlers as search_handlers
    from wagtail import signal_handlers as wagtail_handlers

    if isinstance(search_handlers.insert_or_update_object_task, BatchedUpdates):
        return
    wagtail_handlers.update_reference_index_task = BatchedUpdates(
        wagtail_handlers.update_reference_index_task, lambda: update_references
    )
    search_handlers.insert_or_update_object_task = BatchedUpdates(
        search_handlers.insert_or_update_object_task, lambda: update_search_index
    )


def existing(keys: list[list[str]]) -> list:
    """The objects the keys name that still exist, each once; logs how many are gone."""
    found = [apps.get_model(app_label, model_name).objects.filter(pk=pk).first() for app_label, model_name, pk in keys]
    if missing := found.count(None):
        logger.info("%d object(s) no longer exist, passed over", missing)
    return [instance for instance in found if instance is not None]


@task()
def update_references(keys: list[list[str]]) -> int:
    """Reference index rows of the objects named by (app label, model name, pk), each through its parent, once;
    an object gone meanwhile is passed over (its removal took its references out). Returns how many."""
    parents = {}
    for instance in existing(keys):
        instance = indexed_parent(instance)
        if instance is not None and ReferenceIndex.is_indexed(instance._meta.model):
            parents[(instance._meta.label, instance.pk)] = instance
    for instance in parents.values():
        with transaction.atomic():
            ReferenceIndex.create_or_update_for_object(instance)
    return len(parents)


@task()
def update_search_index(keys: list[list[str]]) -> int:
    """Wagtail's search index (the admin's search) for these objects; one gone meanwhile was removed from it."""
    instances = existing(keys)
    for instance in instances:
        search_index.insert_or_update_object(instance)
    return len(instances)


def indexed_parent(instance):
    """The object whose references an object's are: its ParentalKey parent, up the chain (as Wagtail does)."""
    while True:
        keys = [field for field in instance._meta.get_fields() if isinstance(field, ParentalKey)]
        if not keys:
            return instance
        instance = getattr(instance, keys[0].name)
        if instance is None:
            return None
