import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from archive.catalogue.models import ItemPage
from archive.imports.images import match_item
from tests.factories import jpeg_bytes, make_item


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
