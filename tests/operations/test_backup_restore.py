"""The restore drill: back up a small archive, lose the database and the media, restore, find it all as it was.

It runs on the database the suite runs on (SQLite, or PostgreSQL with DATABASE_URL) and restores into a
scratch database of its own, created and dropped here; once with local media and once with S3 (SeaweedFS).
The tests commit (pg_dump reads what other sessions see), so they are transactional.
"""

import hashlib
import io
import json
import shutil
from pathlib import Path

import pytest
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from archive.catalogue.models import ItemPage
from media.models import DigitizedImage
from tests.factories import jpeg_bytes, make_collection, make_home, make_item
from tests.operations.scratch import scratch_database
from tests.s3_service import empty

pytestmark = pytest.mark.django_db(transaction=True)

COLOURS = [(200, 30, 30), (30, 160, 60), (40, 60, 200)]


@pytest.fixture
def media_folders(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.IIIF_PYRAMID_ROOT = str(tmp_path / "pyramids")
    settings.IIIF_CACHE_ROOT = str(tmp_path / "cache")
    return tmp_path


@pytest.fixture(params=["local", pytest.param("s3", marks=pytest.mark.service)])
def media(request, media_folders):
    """The media storage of the drill: local files, or a bucket of the S3 server (the bucket's name)."""
    return request.getfixturevalue("s3_media") if request.param == "s3" else None


def new_image(title: str, colour, **fields) -> DigitizedImage:
    image = DigitizedImage(title=title, is_public=False, **fields)
    image.file = ImageFile(io.BytesIO(jpeg_bytes(96, 64, colour)), name=f"{title.lower().replace(' ', '-')}.jpg")
    image.save()
    return image


def sample_archive() -> list[str]:
    """Three published items with four images; two images share their content (stored once in a backup)."""
    collection = make_collection(make_home(), title="Vitražai", slug="vitrazai")
    numbers = []
    for position, colour in enumerate(COLOURS):
        images = [new_image(f"Scan {position}", colour, capture_notes=f"Pass {position}")]
        if position == 0:
            images.append(new_image("Scan 0 again", colour))
        item = make_item(
            collection,
            title=f"Langas {position}",
            images=images,
            year_earliest=1900 + position,
            year_latest=1910 + position,
            description=f"<p>Aprašas {position}</p>",
        )
        numbers.append(item.inventory_number)
    return numbers


def state(client, numbers: list[str]) -> dict:
    """Everything the drill compares: rows, the originals' content, the IIIF manifests, one tile's bytes."""
    images = list(DigitizedImage.objects.order_by("pk"))
    first = images[0].iiif_identifier
    tile = client.get(f"/iiif/3/{first}/0,0,64,64/64,/0/default.jpg")
    return {
        "items": list(ItemPage.objects.order_by("pk").values()),
        "images": list(DigitizedImage.objects.order_by("pk").values()),
        "originals": {image.file.name: sha256_stored(image.file.name) for image in images},
        "manifests": {number: client.get(f"/iiif/manifest/{number}").json() for number in numbers},
        "tile": (tile.status_code, tile["Content-Type"], tile.content),
    }


def sha256_stored(name: str) -> str:
    with default_storage.open(name, "rb") as stored:
        return hashlib.sha256(stored.read()).hexdigest()


def wipe_media(bucket: str | None, folders: Path) -> None:
    if bucket:
        empty(bucket)
    for name in ("media", "pyramids", "cache"):
        shutil.rmtree(folders / name, ignore_errors=True)


def run(command: str, *args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command(command, *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_restore_drill_brings_back_every_item_original_manifest_and_tile(client, media, media_folders, tmp_path):
    numbers = sample_archive()
    before = state(client, numbers)
    assert before["tile"][:2] == (200, "image/jpeg")
    # A folder with local media, a .tar with S3: both layouts are drilled.
    target = tmp_path / ("backup.tar" if media else "backup")
    out, err = run("backup", str(target))
    assert "originals: 3 copied" in out and "1 already in the backup" in out and "[4/4]" in err
    out, _ = run("backup", str(target))
    # Incremental: nothing is fetched from the storage again.
    assert "originals: 0 copied (0.0 MB), 4 already in the backup" in out

    wipe_media(media, media_folders)
    with scratch_database(tmp_path):
        out, err = run("restore", str(target))
        assert "originals: 4 stored, 0 already in the storage" in out
        assert "pyramids: 4 of 4 built" in out and "search:" in out and "[4/4]" in err
        after = state(client, numbers)
    assert after == before


def test_restore_refuses_a_database_with_content(media_folders, tmp_path):
    sample_archive()
    run("backup", str(tmp_path / "backup"))
    with pytest.raises(CommandError, match=r"the database is not empty \(.*4 digitized image\(s\)"):
        run("restore", str(tmp_path / "backup"))
    assert DigitizedImage.objects.count() == 4


def test_a_damaged_original_in_the_backup_is_named(media_folders, tmp_path):
    sample_archive()
    run("backup", str(tmp_path / "backup"))
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
    victim = manifest["originals"][-1]
    stored = tmp_path / "backup" / "originals" / victim["sha256"][:2] / victim["sha256"]
    stored.write_bytes(stored.read_bytes()[:-10] + b"0123456789")
    wipe_media(None, media_folders)
    with scratch_database(tmp_path), pytest.raises(CommandError) as failed:
        run("restore", str(tmp_path / "backup"))
    assert f"{victim['name']}: the backup's copy has sha256" in str(failed.value)


def test_an_original_changed_in_storage_stops_the_backup_and_keeps_the_previous_one(media_folders, tmp_path):
    sample_archive()
    run("backup", str(tmp_path / "backup"))
    previous = (tmp_path / "backup" / "manifest.json").read_bytes()
    image = new_image("Scan 9", (9, 9, 9))
    Path(image.file.path).write_bytes(jpeg_bytes(96, 64, (1, 2, 3)))  # after its checksum was recorded
    with pytest.raises(CommandError, match=rf"{image.file.name}: the stored file's sha256 is"):
        run("backup", str(tmp_path / "backup"))
    assert (tmp_path / "backup" / "manifest.json").read_bytes() == previous


def test_without_originals_the_manifest_lists_them_and_restore_checks_the_storage(media_folders, tmp_path):
    sample_archive()
    run("backup", str(tmp_path / "backup"), "--without-originals")
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
    assert manifest["originals_included"] is False and len(manifest["originals"]) == 4
    assert not (tmp_path / "backup" / "originals").exists()
    missing = DigitizedImage.objects.order_by("pk").first().file.name
    default_storage.delete(missing)
    with scratch_database(tmp_path), pytest.raises(CommandError) as failed:
        run("restore", str(tmp_path / "backup"))
    assert f"{missing}: missing from the media storage" in str(failed.value)


def test_a_backup_is_readable_by_the_archives_user_alone(media_folders, tmp_path):
    # The database dump holds the users and their password hashes.
    sample_archive()
    run("backup", str(tmp_path / "backup"))
    written = list((tmp_path / "backup").rglob("*"))
    assert written
    for path in written:
        assert path.stat().st_mode & 0o077 == 0, f"{path} is readable by others: {oct(path.stat().st_mode)}"


def test_a_place_that_cannot_be_written_is_a_clear_error_not_a_traceback(media_folders, tmp_path):
    # As root every folder is writable; a path through a file fails for anyone (NotADirectoryError).
    (tmp_path / "a-file").write_text("not a folder")
    with pytest.raises(CommandError, match="cannot write .*install -d -o archive -g archive -m 700"):
        run("backup", str(tmp_path / "a-file" / "backup"))
