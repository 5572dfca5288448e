"""A worker's sign of life: a row it refreshes from a thread of its own, even while a long build runs, so
that other workers can tell a busy worker from a killed one and queue the killed one's task again soon."""

import logging
import os
import socket
import threading
from datetime import timedelta

from django.conf import settings
from django.db import Error as DatabaseFailure
from django.db import connection
from django.utils import timezone

from archive.core.models import WorkerHeartbeat

logger = logging.getLogger(__name__)


class Heartbeat:
    """Records `worker_id` as alive every WORKER_HEARTBEAT_SECONDS until stopped; survives database outages."""

    def __init__(self, worker_id: str):
        self.worker_id = worker_id
        self.current_task = ""  # set by the worker's thread, written by the next beat
        self.started_at = timezone.now()
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"heartbeat-{worker_id}", daemon=True)
        self._failing = False

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Stop beating; the row goes, since a worker that stops cleanly leaves no task running."""
        self._stopped.set()
        self._thread.join(timeout=30)
        try:
            WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()
        except DatabaseFailure:
            pass  # the row ages out: others prune it

    def _run(self) -> None:
        try:
            while True:
                self.beat()
                if self._stopped.wait(settings.WORKER_HEARTBEAT_SECONDS):
                    return
        finally:
            connection.close()  # this thread's own connection

    def beat(self) -> None:
        """One write; a failure closes the connection (the next beat opens a new one) and is logged once."""
        try:
            WorkerHeartbeat.objects.update_or_create(
                worker_id=self.worker_id,
                defaults={
                    "host": socket.gethostname()[:255],
                    "pid": os.getpid(),
                    "started_at": self.started_at,
                    "last_seen": timezone.now(),
                    "current_task": self.current_task,
                },
            )
        except DatabaseFailure as error:
            connection.close()
            if not self._failing:
                logger.warning("worker %s cannot record its heartbeat: %s", self.worker_id, one_line(error))
            self._failing = True
        else:
            self._failing = False


def last_seen(worker_ids) -> dict[str, object]:
    """When each of these workers was last seen; a worker without heartbeats is left out."""
    return dict(WorkerHeartbeat.objects.filter(worker_id__in=set(worker_ids)).values_list("worker_id", "last_seen"))


def prune_heartbeats() -> int:
    """Forget workers not seen for TASK_STALE_AFTER_SECONDS: by then their tasks fall under that bound anyway."""
    cutoff = timezone.now() - timedelta(
        seconds=max(settings.TASK_STALE_AFTER_SECONDS, settings.WORKER_LOST_AFTER_SECONDS)
    )
    return WorkerHeartbeat.objects.filter(last_seen__lt=cutoff).delete()[0]


def one_line(error: BaseException) -> str:
    """An error as one log line: its class and the first line of its message."""
    text = str(error).strip().splitlines()
    return f"{error.__class__.__name__}: {text[0]}" if text else error.__class__.__name__
