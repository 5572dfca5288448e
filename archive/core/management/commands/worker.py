"""python manage.py worker - run queued background tasks, and retry those whose worker died."""

import signal
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS
from django_tasks.utils import get_random_id
from django_tasks_db.management.commands.db_worker import Worker

from archive.core.task_recovery import requeue_stale_tasks
from archive.imports.retention import purge_stale_uploads
from media.tasks import requeue_pending_pyramids

PURGE_INTERVAL_SECONDS = 3600


class Command(BaseCommand):
    help = (
        "Run background tasks (pyramids, imports, indexing) queued in the database (TASKS_BACKEND=database). "
        "Tasks left 'running' by a worker that died are queued again after TASK_STALE_AFTER_SECONDS, and "
        "pyramid builds still pending (e.g. the media storage was down) every PYRAMID_RETRY_SECONDS."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between looks for new tasks.")
        parser.add_argument("--once", action="store_true", help="Run what is queued now, then exit.")

    def handle(self, *args, interval: float, once: bool, **options):
        self.running = True
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        worker_id = get_random_id()
        self.stdout.write(f"Worker {worker_id} started; Ctrl+C stops it after the current task.")
        next_pyramid_retry = next_purge = 0.0
        while self.running:
            requeued, failed = requeue_stale_tasks()
            if requeued or failed:
                self.stdout.write(f"Queued again {requeued} task(s) whose worker was lost; gave up on {failed}.")
            if time.monotonic() >= next_pyramid_retry:
                next_pyramid_retry = time.monotonic() + settings.PYRAMID_RETRY_SECONDS
                if waiting := requeue_pending_pyramids(settings.PYRAMID_RETRY_SECONDS):
                    self.stdout.write(f"Queued again {waiting} pyramid build(s) still pending.")
            if time.monotonic() >= next_purge:
                next_purge = time.monotonic() + PURGE_INTERVAL_SECONDS
                if removed := purge_stale_uploads():
                    self.stdout.write(f"Removed {removed} upload(s) kept past UPLOAD_RETENTION_SECONDS.")
            Worker(queue_names=["*"], excluded_queue_names=[], interval=0, batch=True,
                   backend_name=DEFAULT_TASK_BACKEND_ALIAS, startup_delay=False, max_tasks=None,
                   worker_id=worker_id).run()
            if once:
                return
            time.sleep(interval)

    def stop(self, signum, frame) -> None:
        self.running = False
