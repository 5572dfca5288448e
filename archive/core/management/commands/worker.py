"""python manage.py worker - run queued background tasks; survive outages; retry the work of dead workers.

The loop itself is archive/core/worker_loop.py; the heartbeat that tells other workers this one is alive is
archive/core/worker_heartbeat.py; which tasks count as lost is archive/core/task_recovery.py.
"""

import signal

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_tasks.signals import task_finished, task_started
from django_tasks.utils import get_random_id

from archive.core.worker_heartbeat import Heartbeat, one_line
from archive.core.worker_loop import WorkerLoop, outage_errors


class Command(BaseCommand):
    help = (
        "Run background tasks (pyramids, imports, indexing) queued in the database (TASKS_BACKEND=database). "
        "Run one or more per machine; it never exits on a database or storage outage, but waits "
        "(WORKER_RETRY_MIN_SECONDS doubling to WORKER_RETRY_MAX_SECONDS) and goes on. "
        "It records a heartbeat every WORKER_HEARTBEAT_SECONDS; a task whose worker has not been seen for "
        "WORKER_LOST_AFTER_SECONDS (or, without heartbeats, has run for TASK_STALE_AFTER_SECONDS) is queued "
        "again, at most TASK_MAX_ATTEMPTS times. Periodically it queues again pyramid builds still pending "
        "(PYRAMID_RETRY_SECONDS), syncs search while edits wait for it (SEARCH_SYNC_RETRY_SECONDS), and deletes "
        "finished task rows older than TASK_RETENTION_DAYS; at start it removes the work files (WORK_ROOT) of "
        "killed processes. SIGTERM or Ctrl+C stops it after the current task."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between looks for new tasks.")
        parser.add_argument(
            "--once",
            action="store_true",
            help="Run what is queued now, then exit (exit status 1 if the database or the storage cannot be reached).",
        )

    def handle(self, *args, interval: float, once: bool, **options):
        worker_id = get_random_id()
        loop = WorkerLoop(worker_id, report=self.stdout.write)
        loop.start()
        heartbeat = Heartbeat(worker_id)
        follow_tasks(heartbeat)
        heartbeat.start()
        try:
            if once:
                self.run_once(loop)
                return
            signal.signal(signal.SIGTERM, lambda signum, frame: loop.stop())
            signal.signal(signal.SIGINT, lambda signum, frame: loop.stop())
            self.stdout.write(
                f"Worker {worker_id} started (heartbeat every {settings.WORKER_HEARTBEAT_SECONDS:g} s); "
                "Ctrl+C stops it after the current task."
            )
            loop.run(interval)
            self.stdout.write(f"Worker {worker_id} stopped.")
        finally:
            heartbeat.stop()

    def run_once(self, loop: WorkerLoop) -> None:
        try:
            loop.round()
        except outage_errors() as error:
            raise CommandError(f"The database or the media storage cannot be reached: {one_line(error)}") from error


def follow_tasks(heartbeat: Heartbeat) -> None:
    """The heartbeat names the task being run (for operators; recovery reads the task's own worker ids)."""
    task_started.connect(
        lambda sender, task_result, **kwargs: setattr(heartbeat, "current_task", task_result.id),
        weak=False,
        dispatch_uid="worker-heartbeat-started",
    )
    task_finished.connect(
        lambda sender, task_result, **kwargs: setattr(heartbeat, "current_task", ""),
        weak=False,
        dispatch_uid="worker-heartbeat-finished",
    )
