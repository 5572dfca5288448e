import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile

from archive.catalogue.models import ItemPage
from archive.imports.images import match_item
from media.iiif.public_tiles import sync_public_tiles
from media.models import DigitizedImage
from tests.factories import jpeg_bytes, make_image, make_item, make_member


@pytest.fixture
def curator(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("curator", "c@example.org", "pw"))
    return client


def post(client, name: str, data: bytes):
    return client.post("/admin/import-items/images/upload/", {"file": SimpleUploadedFile(name, data, "image/jpeg")})


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["KVB-VIT-001.jpg", "kvb-vit-001-2.jpg", "KVB-VIT-001_3.tif"])
def test_file_names_match_items_by_inventory_number(collection, name):
    item = make_item(collection, inventory_number="KVB-VIT-001")
    assert match_item(name).pk == item.pk


@pytest.mark.django_db
def test_an_inventory_number_ending_in_digits_is_matched_whole(collection):
    item = make_item(collection, inventory_number="KVB-VIT-12")
    make_item(collection, inventory_number="KVB-VIT")
    assert match_item("KVB-VIT-12.jpg").pk == item.pk


@pytest.mark.django_db
def test_uploaded_image_goes_to_the_items_draft_not_the_live_page(curator, collection):
    item = make_item(collection, inventory_number="B-1")
    response = post(curator, "B-1-1.jpg", jpeg_bytes(120, 90))
    assert response.status_code == 200
    assert response.json()["status"] == "attached"
    item = ItemPage.objects.get(pk=item.pk)
    assert item.images.count() == 0
    draft = item.get_latest_revision_as_object()
    assert [link.image.width for link in draft.images.all()] == [120]
    assert item.has_unpublished_changes


@pytest.mark.django_db
def test_unmatched_file_is_reported(curator, collection):
    response = post(curator, "NOBODY-7.jpg", jpeg_bytes())
    assert response.status_code == 422
    assert response.json()["status"] == "unmatched"


@pytest.mark.django_db
def test_broken_image_is_refused_with_the_reason(curator, collection):
    make_item(collection, inventory_number="B-2")
    response = post(curator, "B-2.jpg", jpeg_bytes()[:100])
    assert response.status_code == 422
    assert response.json()["status"] == "refused"
    assert response.json()["reason"]


def media_files(root) -> set[str]:
    return {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}


@pytest.fixture
def published_with_image(collection, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    image = make_image("kvb-b-9-1", width=64, height=48)
    image.iiif_identifier = "kvb-b-9-1"
    image.save()
    return make_item(collection, inventory_number="KVB-B-9", images=[image]), image


@pytest.mark.django_db
def test_a_new_file_for_a_published_image_waits_in_a_revision_and_the_live_image_stays(
    client, curator, published_with_image
):
    item, live_image = published_with_image
    live_file = live_image.file.name
    info_before = client.get("/iiif/3/kvb-b-9-1/info.json").json()
    answer = post(curator, "KVB-B-9-1.jpg", jpeg_bytes(120, 90))
    assert answer.json()["status"] == "attached"

    item = ItemPage.objects.get(pk=item.pk)
    assert [link.image_id for link in item.images.all()] == [live_image.pk]
    live_image.refresh_from_db()
    assert live_image.file.name == live_file and live_image.file.storage.exists(live_file)
    client.logout()
    assert client.get("/iiif/3/kvb-b-9-1/info.json").json() == info_before
    manifest = client.get(f"/iiif/manifest/{item.inventory_number}").json()
    assert "kvb-b-9-1/" in manifest["items"][0]["items"][0]["items"][0]["body"]["id"]

    (new_link,) = item.get_latest_revision_as_object().images.all()
    assert new_link.image_id != live_image.pk and new_link.image.width == 120
    assert new_link.image.iiif_identifier.startswith("kvb-b-9-1-")


@pytest.mark.django_db
def test_a_curators_upload_is_submitted_for_approval(client, published_with_image):
    item, _image = published_with_image
    client.force_login(make_member("kuratorius", "Curators"))
    assert post(client, "KVB-B-9-2.jpg", jpeg_bytes(100, 80)).json()["status"] == "attached"
    item = ItemPage.objects.get(pk=item.pk)
    assert item.workflow_in_progress
    assert [link.image.width for link in item.get_latest_revision_as_object().images.all()] == [64, 100]
    assert len(item.images.all()) == 1


@pytest.mark.django_db(transaction=True)
def test_a_database_failure_after_ingest_leaves_no_image_and_no_file(curator, published_with_image, monkeypatch):
    from django.db import OperationalError

    from archive.imports import images

    item, _image = published_with_image
    root = django_settings.MEDIA_ROOT
    sync_public_tiles()  # what is stored already: the published image's public tile tree in place
    rows, files = DigitizedImage.objects.count(), media_files(root)

    def locked(*args, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(images, "put_in_draft", locked)
    with pytest.raises(OperationalError):
        post(curator, "KVB-B-9-3.jpg", jpeg_bytes(90, 60))
    assert DigitizedImage.objects.count() == rows
    assert media_files(root) == files
