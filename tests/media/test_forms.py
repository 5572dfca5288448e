"""The admin's image form verifies uploads like the loader does and schedules the pyramid."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from wagtail.images.forms import get_image_form

from media.models import DigitizedImage, PyramidStatus

pytestmark = pytest.mark.django_db


def form_with(name: str, content: bytes):
    form_class = get_image_form(DigitizedImage)
    upload = SimpleUploadedFile(name, content)
    return form_class(data={"title": "Upload", "iiif_identifier": "upload"}, files={"file": upload})


def test_damaged_upload_is_a_form_error_with_the_reason():
    form = form_with("broken.jpg", b"\xff\xd8\xff\xe0 not really a jpeg")
    assert not form.is_valid()
    assert "broken.jpg" in form.errors["file"][0]


def test_reason_is_in_lithuanian_for_lithuanian_editors():
    with translation.override("lt"):
        form = form_with("broken.jpg", b"\xff\xd8\xff\xe0 not really a jpeg")
        assert not form.is_valid()
        assert "sugadintas" in form.errors["file"][0] or "nuskaityti" in form.errors["file"][0]


def test_valid_upload_is_saved_with_checksum_and_ready_pyramid(grid_file):
    form = form_with("grid.png", grid_file.read_bytes())
    assert form.is_valid(), form.errors
    image = form.save()
    image.refresh_from_db()
    assert len(image.checksum) == 64 and image.pyramid_status == PyramidStatus.READY


def test_editors_see_the_pyramid_status_on_the_image_page(client, public_image, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.org", "x"))
    response = client.get(f"/admin/images/{public_image.pk}/")
    assert response.status_code == 200
    assert b'data-pyramid-status="ready"' in response.content
