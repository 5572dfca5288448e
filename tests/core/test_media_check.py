"""manage.py media_check finds files without records and records without files; --fix removes the former."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from media.storage import pyramid_path
from tests.factories import make_image, make_item

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.IIIF_PYRAMID_ROOT = str(tmp_path / "pyramids")
    return settings.MEDIA_ROOT


def run(*args) -> tuple[str, bool]:
    from io import StringIO

    out = StringIO()
    try:
        call_command("media_check", *args, stdout=out)
    except CommandError as error:
        return out.getvalue() + str(error), False
    return out.getvalue(), True


def test_a_consistent_storage_passes():
    make_image("Kept").get_rendition("max-40x40")
    output, passed = run()
    assert passed and "agree" in output


def test_orphans_are_reported_then_removed_with_fix_and_kept_records_survive(tmp_path):
    kept = make_image("Kept")
    orphans = [
        default_storage.save(name, ContentFile(b"x"))
        for name in (
            "original_images/left-behind.jpg",
            "images/left-behind.max-40x40.jpg",
            "imports/old.csv",
        )
    ]
    stray = pyramid_path("f" * 64)
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(b"II*\x00")
    output, passed = run()
    assert not passed and "--fix" in output
    for name in orphans:
        assert f"file without a record: {name}" in output
    assert f"pyramid of no image: {'f' * 64}" in output
    assert all(default_storage.exists(name) for name in orphans)  # a report changes nothing

    output, passed = run("--fix")
    assert passed, output
    assert not any(default_storage.exists(name) for name in orphans) and not stray.exists()
    kept.refresh_from_db()  # its pyramid task recorded the checksum
    assert default_storage.exists(kept.file.name) and pyramid_path(kept.checksum).exists()


def test_an_image_without_its_original_is_named_with_its_pages(collection):
    image = make_image("Lost")
    make_item(collection, inventory_number="KVB-L-1", images=[image])
    default_storage.delete(image.file.name)
    output, passed = run("--fix")
    assert not passed
    assert f"image without its original: {image.iiif_identifier} (id {image.pk}) (shown on KVB-L-1)" in output
