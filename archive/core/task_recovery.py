"""Giving tasks whose worker died another go, and forgetting finished ones: the database backend alone leaves
a task 'running' forever when its worker is killed, and keeps every finished row."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from archive.core.worker_heartbeat import last_seen


def requeue_lost_tasks(own_worker_id: str = "") -> tuple[int, int]:
    """Queue again the running tasks whose worker is lost; fail those out of attempts. Returns (requeued, failed).

    A worker is lost when its heartbeat is older than WORKER_LOST_AFTER_SECONDS; a task of a worker without
    heartbeats (an older worker, `db_worker`) when it has run for TASK_STALE_AFTER_SECONDS. `own_worker_id`
    is the calling worker, between tasks: a task still marked as its own was cut off (e.g. by a database
    outage while its outcome was being saved). Each claim appends to worker_ids, so its length counts attempts.
    """
    requeued = failed = 0
    with transaction.atomic():
        running = list(DBTaskResult.objects.select_for_update(skip_locked=True).filter(status=TaskResultStatus.RUNNING))
        seen = last_seen(result.worker_ids[-1] for result in running if result.worker_ids)
        for result in running:
            if not is_lost(result, seen, own_worker_id):
                continue
            if len(result.worker_ids) >= settings.TASK_MAX_ATTEMPTS:
                give_up(result)
                failed += 1
            else:
                result.status = TaskResultStatus.READY
                result.started_at = None
                result.save(update_fields=["status", "started_at"])
                requeued += 1
    return requeued, failed


def is_lost(result: DBTaskResult, seen: dict[str, datetime], own_worker_id: str) -> bool:
    now = timezone.now()
    worker = result.worker_ids[-1] if result.worker_ids else ""
    if own_worker_id and worker == own_worker_id:
        return True
    if worker in seen:
        return seen[worker] < now - timedelta(seconds=settings.WORKER_LOST_AFTER_SECONDS)
    return result.started_at is None or result.started_at < now - timedelta(seconds=settings.TASK_STALE_AFTER_SECONDS)


def give_up(result: DBTaskResult) -> None:
    result.status = TaskResultStatus.FAILED
    result.finished_at = timezone.now()
    result.exception_class_path = "archive.core.task_recovery.WorkerLost"
    result.traceback = f"The worker was lost {len(result.worker_ids)} times; not retried again."
    result.save(update_fields=["status", "finished_at", "exception_class_path", "traceback"])


def prune_finished_tasks() -> int:
    """Delete the rows of tasks that succeeded or failed more than TASK_RETENTION_DAYS ago; returns how many."""
    cutoff = timezone.now() - timedelta(days=settings.TASK_RETENTION_DAYS)
    return DBTaskResult.objects.filter(
        status__in=[TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED], finished_at__lt=cutoff
    ).delete()[0]


class WorkerLost(Exception):
    """Recorded as the failure of a task whose workers kept dying."""
