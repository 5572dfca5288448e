"""Background task that hands outstanding page changes to the search backend."""

from django_tasks import task

from search.indexing import outstanding_changes, sync_changes


@task()
def sync_index_changes() -> int:
    """Raises SearchUnavailable, so the task is recorded as failed, while changes stay outstanding because the
    engine is down; the worker runs it again (sync_if_outstanding) until they are all in."""
    return sync_changes(raise_when_down=True)


def sync_if_outstanding() -> bool:
    """Queue a sync when edits wait for the index (made while it was down, or their sync failed)."""
    if not outstanding_changes().exists():
        return False
    sync_index_changes.enqueue()
    return True
