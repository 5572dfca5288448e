"""Keep the search index in step with the catalogue: record every change, then sync when we can."""

import logging
from collections.abc import Iterable
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from archive.catalogue.models import ItemPage
from search.backends import Progress, get_catalogue_backend
from search.documents import FEATURE_MODELS
from search.models import IndexChange
from search.results import SearchUnavailable

logger = logging.getLogger(__name__)
INDEXED_MODELS = (ItemPage, *FEATURE_MODELS.values())
SYNC_BATCH = 500


def record_changes(page_ids: Iterable[int]) -> None:
    """Note the pages as stale and sync after the transaction commits (publish, unpublish, edit, delete)."""
    now = timezone.now()
    for page_id in page_ids:
        IndexChange.objects.update_or_create(page_id=page_id, defaults={"changed_at": now, "synced": False})
    transaction.on_commit(enqueue_sync)


def enqueue_sync() -> None:
    from search.tasks import sync_index_changes

    sync_index_changes.enqueue()


def outstanding_changes():
    return IndexChange.objects.filter(synced=False)


def sync_changes(raise_when_down: bool = False) -> int:
    """Apply outstanding changes; when the engine is down they stay outstanding for the next try (the worker
    tries every SEARCH_SYNC_RETRY_SECONDS) and, with `raise_when_down`, SearchUnavailable is raised."""
    backend = get_catalogue_backend()
    synced = 0
    while True:
        batch = list(outstanding_changes().order_by("changed_at")[:SYNC_BATCH])
        if not batch:
            return synced
        try:
            backend.update(change.page_id for change in batch)
        except SearchUnavailable as error:
            logger.warning("search index not updated, %d changes kept for later: %s", len(batch), error)
            if raise_when_down:
                raise
            return synced
        # Only mark what we sent: a change recorded meanwhile has a newer changed_at and stays outstanding.
        for change in batch:
            IndexChange.objects.filter(pk=change.pk, changed_at=change.changed_at).update(synced=True)
        synced += len(batch)


def rebuild_index(progress: Progress | None = None) -> int:
    """Rebuild into a fresh index, then replay the edits made while it was being built."""
    started: datetime = timezone.now()
    count = get_catalogue_backend().rebuild(progress)
    IndexChange.objects.filter(changed_at__gte=started).update(synced=False)
    IndexChange.objects.filter(changed_at__lt=started).delete()
    sync_changes()
    return count
