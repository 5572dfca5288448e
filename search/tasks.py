"""Background task that hands outstanding page changes to the search backend."""

from django_tasks import task

from search.indexing import sync_changes


@task()
def sync_index_changes() -> int:
    return sync_changes()
