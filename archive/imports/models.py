"""An import started from the admin: its file, its options and how far it has got."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .outcomes import summary_lines


class ImportJob(models.Model):
    class Status(models.TextChoices):
        CHECKED = "checked", _("checked, waiting for confirmation")
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    file = models.FileField(upload_to="imports/")
    filename = models.CharField(max_length=255)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    valid_only = models.BooleanField(default=False)
    delimiter = models.CharField(max_length=10, default="detect")
    publish = models.BooleanField(
        default=False, help_text=_("Published at once; otherwise saved as drafts submitted for approval.")
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.CHECKED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    summary = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("item import")

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_status_display()})"

    @property
    def summary_lines(self) -> list[tuple[int, str]]:
        return summary_lines(self.summary or {})

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)
