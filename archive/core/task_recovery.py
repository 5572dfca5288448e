"""Giving tasks whose worker died another go: the database backend alone leaves them 'running' forever."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult


def requeue_stale_tasks() -> tuple[int, int]:
    """Queue again the tasks running for longer than the lease; fail those out of attempts.

    Returns (requeued, failed). Each claim by a worker appends to worker_ids, so its length counts attempts.
    """
    cutoff = timezone.now() - timedelta(seconds=settings.TASK_STALE_AFTER_SECONDS)
    requeued = failed = 0
    with transaction.atomic():
        for result in DBTaskResult.objects.select_for_update().filter(
            status=TaskResultStatus.RUNNING, started_at__lt=cutoff
        ):
            if len(result.worker_ids) >= settings.TASK_MAX_ATTEMPTS:
                result.status = TaskResultStatus.FAILED
                result.finished_at = timezone.now()
                result.exception_class_path = "archive.core.task_recovery.WorkerLost"
                result.traceback = f"The worker was lost {len(result.worker_ids)} times; not retried again."
                result.save(update_fields=["status", "finished_at", "exception_class_path", "traceback"])
                failed += 1
            else:
                result.status = TaskResultStatus.READY
                result.started_at = None
                result.save(update_fields=["status", "started_at"])
                requeued += 1
    return requeued, failed


class WorkerLost(Exception):
    """Recorded as the failure of a task whose workers kept dying."""
