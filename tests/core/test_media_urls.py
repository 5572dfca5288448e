"""Nothing in the media storage is reachable by a /media/ URL except renditions the request may see.

The embedded default runs with whatever DEBUG the administrator set, so every case runs with DEBUG on and
off: the URL map must not depend on it.
"""

import importlib

import pytest
from django.contrib.auth.models import Permission, User
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.urls import clear_url_caches
from wagtail.models import UploadedFile

from archive.imports.models import ImportJob
from tests.factories import make_image, make_item

pytestmark = pytest.mark.django_db


@pytest.fixture(params=[False, True], ids=["debug-off", "debug-on"])
def url_map(request, settings, tmp_path):
    """The project's URL map as it is built with DEBUG off and on."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DEBUG = request.param
    caches["default"].clear()  # Wagtail remembers renditions there, across tests
    import archive.urls

    importlib.reload(archive.urls)
    clear_url_caches()
    yield request.param
    settings.DEBUG = False
    importlib.reload(archive.urls)
    clear_url_caches()


@pytest.fixture
def editor(client):
    user = User.objects.create_user("editor", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def media_url(name: str) -> str:
    return f"/media/{name}"


def test_an_original_has_no_url_for_anyone(client, url_map, collection, editor):
    image = make_image("Original")
    make_item(collection, images=[image])
    assert client.get(media_url(image.file.name)).status_code == 404
    client.force_login(editor)
    assert client.get(media_url(image.file.name)).status_code == 404


def test_a_published_items_rendition_is_served_and_stops_when_unpublished(client, url_map, collection):
    image = make_image("Rendered")
    item = make_item(collection, images=[image])
    rendition = image.get_rendition("max-40x40")
    answer = client.get(media_url(rendition.file.name))
    assert answer.status_code == 200
    assert b"".join(answer.streaming_content)[:3] == b"\xff\xd8\xff"
    assert "private" in answer["Cache-Control"]

    item.unpublish()
    assert client.get(media_url(rendition.file.name)).status_code == 404


def test_a_drafts_rendition_is_for_editors_only(client, url_map, collection, editor):
    image = make_image("Draft")
    make_item(collection, live=False, images=[image])
    rendition = image.get_rendition("max-40x40")
    assert client.get(media_url(rendition.file.name)).status_code == 404
    client.force_login(editor)
    assert client.get(media_url(rendition.file.name)).status_code == 200


def test_uploaded_spreadsheets_and_parked_uploads_have_no_url(client, url_map, admin_user):
    job = ImportJob(filename="items.csv")
    job.file.save("items.csv", ContentFile(b"inventory_number,title\nKVB-1,Langas\n"), save=True)
    parked = UploadedFile.objects.create(file=ContentFile(b"\xff\xd8\xff", name="scan.jpg"))
    client.force_login(admin_user)
    for name in (job.file.name, parked.file.name):
        assert client.get(media_url(name)).status_code == 404, name


@pytest.mark.parametrize("path", ["../archive.sqlite3", "images/../original_images/a.jpg", "%2e%2e/x", "iiif-cache/x"])
def test_paths_outside_the_renditions_are_not_found(client, url_map, path):
    assert client.get(f"/media/{path}").status_code == 404
