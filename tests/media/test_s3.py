"""Media in S3 (django-storages) against a real S3-compatible server (tests/s3_service.py)."""

import time
import urllib.error
import urllib.request

import pytest
import pyvips
from django.contrib.auth.models import Permission, User
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from media.ingest import IngestError, ingest_image
from media.models import DigitizedImage
from media.storage import pyramid_name, pyramid_path
from tests.media.builders import write_grid
from tests.s3_service import ENDPOINT, s3_client, seaweedfs, storage_options

TILE = "/iiif/3/grid/0,0,256,256/256,/0/default.jpg"

pytestmark = [pytest.mark.service, pytest.mark.django_db]


def keys(bucket: str) -> set[str]:
    listing = s3_client().list_objects_v2(Bucket=bucket)
    return {entry["Key"] for entry in listing.get("Contents", [])}


@pytest.fixture
def s3_image(s3_media, tmp_path):
    return ingest_image(write_grid(tmp_path / "grid.png"), identifier="grid", title="Grid", is_public=True)


def test_upload_ingest_and_tiles_come_from_s3(client, s3_media, s3_image):
    assert {s3_image.file.name, pyramid_name(s3_image.checksum)} <= keys(s3_media)
    assert s3_image.pyramid_status == "ready"
    # A node that has never seen the image fetches its pyramid into its local cache.
    pyramid_path(s3_image.checksum).unlink()
    response = client.get(TILE)
    assert response.status_code == 200 and pyramid_path(s3_image.checksum).exists()
    tile = pyvips.Image.new_from_buffer(response.content, "")
    assert (tile.width, tile.height) == (256, 256)


def test_originals_are_private(s3_media, s3_image):
    for key in (s3_image.file.name, pyramid_name(s3_image.checksum)):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{ENDPOINT}/{s3_media}/{key}", timeout=10)
        assert refused.value.code == 403
    grants = s3_client().get_object_acl(Bucket=s3_media, Key=s3_image.file.name)["Grants"]
    assert not any(grant["Grantee"].get("URI", "").endswith("AllUsers") for grant in grants)


def test_editors_download_originals_through_short_lived_signed_urls(client, s3_media, s3_image):
    editor = User.objects.create_superuser("editor", password="x")
    client.force_login(editor)
    response = client.get(f"/admin/originals/{s3_image.pk}/")
    assert response.status_code == 302 and "no-store" in response["Cache-Control"]
    url = response["Location"]
    assert "X-Amz-Signature=" in url and "X-Amz-Expires=300" in url
    with urllib.request.urlopen(url, timeout=10) as download:
        assert download.read() == default_storage.open(s3_image.file.name).read()


def test_admin_users_without_image_permission_get_no_signed_url(client, s3_media, s3_image):
    user = User.objects.create_user("reader", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(f"/admin/originals/{s3_image.pk}/")
    # Wagtail's admin answers a refusal with a redirect to its dashboard and a message.
    assert response.status_code in (302, 403) and "X-Amz-Signature" not in response.get("Location", "")


def test_deleting_an_image_removes_its_objects(s3_media, s3_image, django_capture_on_commit_callbacks):
    s3_image.get_rendition("width-100")
    assert len(keys(s3_media)) >= 3
    with django_capture_on_commit_callbacks(execute=True):
        s3_image.delete()
    assert keys(s3_media) == set()


def test_unreachable_storage_during_upload_leaves_nothing_behind(settings, s3_media, tmp_path):
    settings.STORAGES = {**settings.STORAGES, "default": storage_options(s3_media, "http://127.0.0.1:9")}
    with pytest.raises(IngestError, match="storage is not reachable"):
        ingest_image(write_grid(tmp_path / "grid.png"), identifier="grid", title="Grid", is_public=True)
    assert not DigitizedImage.objects.exists()
    assert keys(s3_media) == set()


def test_unreachable_storage_is_a_form_error_for_the_editor(client, settings, s3_media, tmp_path):
    settings.STORAGES = {**settings.STORAGES, "default": storage_options(s3_media, "http://127.0.0.1:9")}
    client.force_login(User.objects.create_superuser("editor", password="x"))
    upload = SimpleUploadedFile("grid.png", write_grid(tmp_path / "grid.png").read_bytes(), "image/png")
    response = client.post("/admin/images/add/", {"title": "Grid", "file": upload})
    assert response.status_code == 200
    page = response.content.decode()
    # The admin speaks the site's language (Lithuanian) whatever the test's.
    assert "media storage is not reachable" in page or "saugykla nepasiekiama" in page
    assert not DigitizedImage.objects.exists()
    assert keys(s3_media) == set()


def test_storage_failing_after_the_forms_check_is_a_503_that_says_so(client, settings, s3_media, tmp_path, monkeypatch):
    # The race: the form's check found the storage up, then it went away before the file was saved.
    monkeypatch.setattr("media.forms.check_available", lambda: None)
    settings.STORAGES = {**settings.STORAGES, "default": storage_options(s3_media, "http://127.0.0.1:9")}
    client.force_login(User.objects.create_superuser("editor", password="x"))
    upload = SimpleUploadedFile("grid.png", write_grid(tmp_path / "grid.png").read_bytes(), "image/png")
    response = client.post("/admin/images/add/", {"title": "Grid", "iiif_identifier": "grid", "file": upload})
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    page = response.content.decode()
    assert "nothing was saved" in page or "niekas neišsaugota" in page
    assert not DigitizedImage.objects.exists()
    assert keys(s3_media) == set()


@pytest.mark.slow
def test_the_service_recovers_when_the_s3_server_restarts(client, s3_media, s3_image):
    assert client.get(TILE).status_code == 200
    pyramid_path(s3_image.checksum).unlink()
    seaweedfs("stop")
    try:
        # A new image a node has not cached cannot be fetched meanwhile: a retryable 503, not a 500.
        assert client.get("/iiif/3/grid/256,0,256,256/256,/0/default.jpg").status_code in (200, 503)
    finally:
        seaweedfs("start")
    # The same site process, its storage and connection pools untouched since before the restart.
    response = eventually_ok(client, "/iiif/3/grid/256,256,256,256/256,/0/default.jpg")
    assert response.status_code == 200 and pyramid_path(s3_image.checksum).exists()


def eventually_ok(client, url: str, seconds: float = 30):
    """A freshly started server may refuse reads for a moment while its volumes register."""
    deadline = time.monotonic() + seconds
    while (response := client.get(url)).status_code == 503 and time.monotonic() < deadline:
        time.sleep(1)
    return response
