"""A media store that refuses writes: the health check says so, and an upload is a 503 that quotes the store.

The store is a real folder made immutable (`chattr +i`), which refuses writes with EPERM even to root.
"""

import shutil
import subprocess

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from media.models import DigitizedImage
from tests.factories import jpeg_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def locked_media(settings, tmp_path):
    """MEDIA_ROOT as a folder nobody may write into; unlocked again after the test."""
    root = tmp_path / "media"
    root.mkdir()
    settings.MEDIA_ROOT = root
    if not shutil.which("chattr") or subprocess.run(["chattr", "+i", str(root)], capture_output=True).returncode:
        pytest.skip("this file system cannot make a folder immutable (chattr +i)")
    yield root
    subprocess.run(["chattr", "-i", str(root)], check=True)


def test_healthz_reports_a_store_that_refuses_writes(client, locked_media):
    answer = client.get("/healthz")
    assert answer.status_code == 200  # pages and images still serve
    report = answer.json()
    assert report["status"] == "degraded"
    assert report["checks"]["storage"] == "error: refuses writes (Operation not permitted)"


def test_healthz_leaves_no_probe_behind(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    assert client.get("/healthz").json()["checks"]["storage"] == "ok"
    assert default_storage.listdir("healthz") == ([], [])


def test_an_admin_upload_into_a_locked_store_is_a_503_quoting_the_store(client, admin_user, locked_media):
    client.force_login(admin_user)
    before = DigitizedImage.objects.count()
    upload = SimpleUploadedFile("scan.jpg", jpeg_bytes(), content_type="image/jpeg")
    answer = client.post("/admin/images/add/", {"title": "Scan", "iiif_identifier": "scan-locked", "file": upload})
    assert answer.status_code == 503
    assert answer["Retry-After"]
    page = answer.content.decode()  # in the editor's language, Lithuanian by default
    assert "niekas neišsaugota" in page
    assert "Saugyklos atsakymas:" in page and "Operation not permitted" in page
    assert DigitizedImage.objects.count() == before
    assert not any(locked_media.iterdir())
