"""Uploads kept only as long as they are needed: an import's spreadsheet until the import has run, a
preview never confirmed and a file parked by Wagtail's multiple uploader until UPLOAD_RETENTION_SECONDS.

They hold unpublished catalogue data, so they are never reachable by URL (media.rendition_files) and are
not left to pile up. Purging is cheap and runs where uploads happen (no worker is needed in the embedded
run), in the worker, and from `manage.py purge_uploads`.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_noop
from wagtail.models import UploadedFile

from .models import ImportJob

logger = logging.getLogger(__name__)
EXPIRED = gettext_noop("The preview was not confirmed in time and its file was removed; upload the file again.")


def discard_spreadsheet(job: ImportJob) -> None:
    """The import has run: its summary stays, the spreadsheet goes."""
    if job.file:
        job.file.delete(save=False)
        ImportJob.objects.filter(pk=job.pk).update(file="")


def purge_stale_uploads() -> int:
    """Remove unconfirmed previews' spreadsheets and parked uploads older than the retention period."""
    cutoff = timezone.now() - timedelta(seconds=settings.UPLOAD_RETENTION_SECONDS)
    removed = 0
    for job in ImportJob.objects.filter(status=ImportJob.Status.CHECKED, created_at__lt=cutoff).exclude(file=""):
        discard_spreadsheet(job)
        ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.FAILED, error=EXPIRED)
        removed += 1
    for parked in UploadedFile.objects.all():
        if parked_since(parked) < cutoff:
            parked.file.delete(save=False)
            parked.delete()
            removed += 1
    return removed


def parked_since(parked: UploadedFile):
    """Wagtail keeps no date for a parked upload; its file's time is when it was parked (a missing file
    counts as old, so its row goes too)."""
    try:
        return parked.file.storage.get_modified_time(parked.file.name)
    except (FileNotFoundError, NotImplementedError, ValueError):
        return timezone.now() - timedelta(days=36500)


def purge_when_uploads_arrive(sender, instance, created: bool, **kwargs) -> None:
    if created:
        try:
            purge_stale_uploads()
        except OSError:
            logger.warning("stale uploads could not be purged now", exc_info=True)
