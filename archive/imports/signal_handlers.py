"""Imports' receivers: new uploads purge the ones kept too long (imports.retention)."""

from django.db.models.signals import post_save
from wagtail.models import UploadedFile

from .models import ImportJob
from .retention import purge_when_uploads_arrive


def register_signal_handlers() -> None:
    """Called once from ImportsConfig.ready()."""
    post_save.connect(purge_when_uploads_arrive, sender=ImportJob, dispatch_uid="imports-purge-on-job")
    post_save.connect(purge_when_uploads_arrive, sender=UploadedFile, dispatch_uid="imports-purge-on-parked")
