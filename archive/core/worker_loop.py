"""What `manage.py worker` does between tasks, and how it rides out outages.

One round: queue again the tasks of lost workers, run the periodic jobs that are due, then every queued
task (django_tasks_db's Worker in batch mode). A database or storage error anywhere in a round closes the
broken connections and waits (WORKER_RETRY_MIN_SECONDS doubling to WORKER_RETRY_MAX_SECONDS) before the
next round: the worker itself never exits on an outage.
"""

import logging
import threading
import time
from collections.abc import Callable

from django import db
from django.conf import settings
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS
from django_tasks_db.management.commands.db_worker import Worker

from archive.core.task_recovery import prune_finished_tasks, requeue_lost_tasks
from archive.core.worker_heartbeat import one_line, prune_heartbeats
from archive.imports.retention import purge_stale_uploads
from media.iiif import cache as iiif_cache
from media.storage import storage_errors
from media.tasks import requeue_pending_pyramids
from media.work_files import remove_stale_work_files
from search.tasks import sync_if_outstanding

logger = logging.getLogger(__name__)
HOUSEKEEPING_SECONDS = 3600  # old uploads, finished task rows, heartbeats of dead workers


def outage_errors() -> tuple[type[BaseException], ...]:
    """What the database or the media storage raise when they cannot be reached."""
    return (db.Error, *storage_errors())


class Backoff:
    """Waits that double from `first` up to `cap`, until reset."""

    def __init__(self, first: float, cap: float):
        self.first, self.cap, self.next = first, cap, first

    def take(self) -> float:
        wait, self.next = self.next, min(self.next * 2, self.cap)
        return wait

    def reset(self) -> None:
        self.next = self.first


class Periodic:
    """A job run when a round finds it due; a job that fails is due again at the next round."""

    def __init__(self, seconds: Callable[[], float], job: Callable[[], None]):
        self.seconds, self.job, self.due_at = seconds, job, 0.0

    def run_if_due(self) -> None:
        if time.monotonic() >= self.due_at:
            self.job()
            self.due_at = time.monotonic() + self.seconds()


class WorkerLoop:
    def __init__(self, worker_id: str, report: Callable[[str], None]):
        self.worker_id, self.report = worker_id, report
        self.stopping = threading.Event()
        self.worker: Worker | None = None
        self.backoff = Backoff(settings.WORKER_RETRY_MIN_SECONDS, settings.WORKER_RETRY_MAX_SECONDS)
        self.periodic = [
            Periodic(lambda: settings.PYRAMID_RETRY_SECONDS, self.retry_pyramids),
            Periodic(lambda: settings.SEARCH_SYNC_RETRY_SECONDS, self.sync_search),
            Periodic(lambda: HOUSEKEEPING_SECONDS, self.housekeeping),
        ]

    def start(self) -> None:
        if removed := remove_stale_work_files():
            self.report(f"Removed {removed} work file(s) left by killed processes.")
        # This node's derivative cache: half-written entries of killed processes go, and it is trimmed to budget.
        iiif_cache.prune(settings.IIIF_CACHE_MAX_BYTES)

    def run(self, interval: float) -> None:
        """Rounds until stop(); an outage waits with backoff instead of ending the worker."""
        while not self.stopping.is_set():
            try:
                self.round()
            except outage_errors() as error:
                db.connections.close_all()
                wait = self.backoff.take()
                logger.warning(
                    "worker %s: database or storage unavailable (%s); trying again in %g s",
                    self.worker_id,
                    one_line(error),
                    wait,
                )
                self.stopping.wait(wait)
                continue
            self.backoff.reset()
            self.stopping.wait(interval)

    def round(self) -> None:
        db.close_old_connections()
        requeued, failed = requeue_lost_tasks(self.worker_id)
        if requeued or failed:
            self.report(f"Queued again {requeued} task(s) whose worker was lost; gave up on {failed}.")
        for job in self.periodic:
            job.run_if_due()
        if self.stopping.is_set():
            return
        self.worker = Worker(
            queue_names=["*"],
            excluded_queue_names=[],
            interval=0,
            batch=True,
            backend_name=DEFAULT_TASK_BACKEND_ALIAS,
            startup_delay=False,
            max_tasks=None,
            worker_id=self.worker_id,
        )
        self.worker.run()

    def stop(self) -> None:
        """Finish the task at hand, then stop (also from a signal handler)."""
        self.stopping.set()
        if self.worker is not None:
            self.worker.running = False

    def retry_pyramids(self) -> None:
        if waiting := requeue_pending_pyramids(settings.PYRAMID_RETRY_SECONDS):
            self.report(f"Queued again {waiting} pyramid build(s) still pending.")

    def sync_search(self) -> None:
        if sync_if_outstanding():
            self.report("Queued a search index sync for edits still waiting for it.")

    def housekeeping(self) -> None:
        if removed := purge_stale_uploads():
            self.report(f"Removed {removed} upload(s) kept past UPLOAD_RETENTION_SECONDS.")
        if pruned := prune_finished_tasks():
            self.report(f"Deleted {pruned} finished task row(s) older than TASK_RETENTION_DAYS.")
        prune_heartbeats()
        iiif_cache.prune(settings.IIIF_CACHE_MAX_BYTES)
