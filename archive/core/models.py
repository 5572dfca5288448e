"""The core app's one table: workers' signs of life (archive/core/worker_heartbeat.py)."""

from django.db import models


class WorkerHeartbeat(models.Model):
    """A running `manage.py worker`, refreshed every WORKER_HEARTBEAT_SECONDS while it lives.

    A task left running by a worker whose row has gone quiet for WORKER_LOST_AFTER_SECONDS is queued again.
    """

    worker_id = models.CharField(max_length=64, primary_key=True)
    host = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    last_seen = models.DateTimeField(db_index=True)
    current_task = models.CharField(max_length=64, blank=True)  # the id of the task it runs, if any

    class Meta:
        verbose_name = "worker heartbeat"

    def __str__(self) -> str:
        return f"worker {self.worker_id} on {self.host} (pid {self.pid})"
