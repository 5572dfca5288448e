"""Uploads are kept only while needed: an import's spreadsheet goes when the import has run, a preview never
confirmed and a parked upload go after UPLOAD_RETENTION_SECONDS, without a worker."""

import os
import time

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.models import UploadedFile

from archive.imports.models import ImportJob
from tests.imports.admin_uploads import GOOD, upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def age(field_file, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(field_file.path, (then, then))


def test_the_spreadsheet_is_removed_once_the_import_has_run(curator, media):
    upload(curator, GOOD)
    job = ImportJob.objects.get()
    stored = job.file.path
    assert os.path.exists(stored)
    curator.post(f"/admin/import-items/{job.pk}/confirm/")
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE and job.summary
    assert not job.file and not os.path.exists(stored)


def test_a_preview_never_confirmed_expires_with_its_file(curator, settings):
    settings.UPLOAD_RETENTION_SECONDS = 60
    upload(curator, GOOD)
    stale = ImportJob.objects.get()
    ImportJob.objects.filter(pk=stale.pk).update(created_at=stale.created_at.replace(year=2020))
    stored = stale.file.path
    upload(curator, GOOD)  # the next upload purges what is past its time
    stale.refresh_from_db()
    assert stale.status == ImportJob.Status.FAILED and "upload the file again" in stale.error
    assert not os.path.exists(stored)
    fresh = ImportJob.objects.exclude(pk=stale.pk).get()
    assert fresh.status == ImportJob.Status.CHECKED and os.path.exists(fresh.file.path)
    assert curator.post(f"/admin/import-items/{stale.pk}/confirm/").status_code == 404


def test_parked_uploads_past_their_time_are_removed_and_recent_ones_kept(settings):
    settings.UPLOAD_RETENTION_SECONDS = 60
    old = UploadedFile.objects.create(file=ContentFile(b"old", name="old.jpg"))
    age(old.file, 3600)
    recent = UploadedFile.objects.create(file=ContentFile(b"new", name="new.jpg"))
    assert list(UploadedFile.objects.all()) == [recent]
    assert not os.path.exists(old.file.path) and os.path.exists(recent.file.path)


def test_the_command_purges_and_says_how_many(settings, capsys):
    settings.UPLOAD_RETENTION_SECONDS = 0
    parked = UploadedFile(file=ContentFile(b"x", name="x.jpg"))
    parked.file.save("x.jpg", ContentFile(b"x"), save=False)
    UploadedFile.objects.bulk_create([parked])  # no signal: only the command removes it
    call_command("purge_uploads")
    assert "Removed 1 stale upload(s)." in capsys.readouterr().out
    assert not UploadedFile.objects.exists()
