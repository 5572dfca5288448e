"""python manage.py purge_uploads - remove uploads kept past UPLOAD_RETENTION_SECONDS (see retention.py)."""

from django.core.management.base import BaseCommand

from archive.imports.retention import purge_stale_uploads


class Command(BaseCommand):
    help = (
        "Remove the spreadsheets of import previews never confirmed and the files parked by the multiple image "
        "uploader, once older than UPLOAD_RETENTION_SECONDS. Finished imports' spreadsheets are removed when "
        "they finish."
    )

    def handle(self, *args, **options):
        removed = purge_stale_uploads()
        self.stdout.write(f"Removed {removed} stale upload(s).")
