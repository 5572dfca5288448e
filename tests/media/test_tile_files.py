"""Canonical tiles as files (media/iiif/tile_files.py) and their public trees (media/iiif/public_tiles.py): the names a
viewer asks for, the same bytes as the dynamic service, placed and removed as access changes, locally and in S3."""

import os
import sys
from pathlib import Path

import pytest

from media.iiif.plan import Geometry, Limits
from media.iiif.public_tiles import public_root, public_tiles_removed, sync_public_tiles
from media.iiif.tile_files import local_tiles_dir, stored_prefix, tile_names
from media.ingest import ingest_image
from tests.factories import make_item
from tests.media.builders import write_grid
from tests.s3_service import s3_client

pytestmark = pytest.mark.django_db
LIMITS = Limits(10000, 10000, 40_000_000)


def test_names_are_the_requests_a_viewer_makes_for_every_level_edges_included():
    names = tile_names(Geometry(1000, 700, (1, 2, 4)), 256, LIMITS)
    assert "0,0,256,256/256,256/0/default.jpg" in names
    assert "768,512,232,188/232,188/0/default.jpg" in names  # the bottom-right edge tile at full size
    assert "512,512,488,188/244,94/0/default.jpg" in names  # ... at scale 2 (OpenSeadragon's sizes)
    assert "full/250,175/0/default.jpg" in names  # a level inside one tile: the whole image
    assert "full/max/0/default.jpg" in names and "full/500,350/0/default.jpg" in names  # info.json sizes
    assert len(names) == 4 * 3 + 2 * 2 + 1 + 2
    assert len(set(names)) == len(names)


def files_of(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in folder.rglob("*.jpg")}


def test_every_file_is_byte_for_byte_the_dynamic_answer(client, grid_file, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        image = ingest_image(
            write_grid(grid_file.with_name("wide.png"), 1000, 700), identifier="wide", title="Wide", is_public=True
        )
    files = files_of(local_tiles_dir(image.checksum))
    assert len(files) == 4 * 3 + 2 * 2 + 1 + 2
    stored = sum(1 for name in files if "/256,256/" in name)
    assert stored == 3 * 2 + 1  # whole tiles, copied from the pyramid; the rest are rendered
    for name, data in files.items():
        response = client.get(f"/iiif/3/wide/{name}")
        assert response.status_code == 200 and response.content == data, name
    # The canonical form of a full-resolution tile names the same bytes under "max".
    assert (
        client.get("/iiif/3/wide/0,0,256,256/max/0/default.jpg").content == files["0,0,256,256/256,256/0/default.jpg"]
    )
    assert files_of(public_root() / "3" / "wide") == files


def test_only_public_images_have_a_public_tree(db, grid_file, tmp_path, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        public = ingest_image(grid_file, identifier="grid+1:a", title="Grid", is_public=True)
        draft = ingest_image(write_grid(tmp_path / "draft.png", 600, 400), identifier="draft", title="Draft")
    assert local_tiles_dir(draft.checksum).is_dir()  # written for every image, for when it becomes public
    assert (public_root() / "3" / "grid+1:a" / "0,0,256,256/256,256/0/default.jpg").is_file()
    assert not (public_root() / "3" / "draft").exists()
    with django_capture_on_commit_callbacks(execute=True):
        draft.is_public = True
        draft.save()
    assert (public_root() / "3" / "draft" / "full/max/0/default.jpg").is_file()
    assert sync_public_tiles() == (0, 0)  # nothing left to do
    assert public.pk


def test_a_tree_is_removed_and_purged_when_the_image_stops_being_public(
    settings, grid_file, tmp_path, django_capture_on_commit_callbacks
):
    record = tmp_path / "purged.txt"
    script = tmp_path / "purge.py"
    script.write_text(f"import sys\nopen({str(record)!r}, 'a').write(sys.argv[-1] + '\\n')\n")
    settings.IIIF_TILES_PURGE_COMMAND = f"{sys.executable} {script}"
    sent = []

    def receiver(sender, identifier, prefix, **kwargs):
        sent.append((identifier, prefix))

    public_tiles_removed.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            image = ingest_image(grid_file, identifier="grid", title="Grid", is_public=True)
        tree = public_root() / "3" / "grid"
        assert tree.is_dir()
        with django_capture_on_commit_callbacks(execute=True):
            image.is_public = False
            image.save()
        assert not tree.exists() and not os.listdir(public_root() / ".placed")
        assert sent == [("grid", "http://testserver/iiif/3/grid/")]
        assert record.read_text() == "http://testserver/iiif/3/grid/\n"
        assert local_tiles_dir(image.checksum).is_dir()  # the file set stays for a later publication
        with django_capture_on_commit_callbacks(execute=True):
            image.is_public = True
            image.save()
        assert tree.is_dir()
        with django_capture_on_commit_callbacks(execute=True):
            image.delete()
        assert not tree.exists() and not local_tiles_dir(image.checksum).exists()
    finally:
        public_tiles_removed.disconnect(receiver)


def test_unpublishing_a_page_removes_its_images_tree(item_with_image, django_capture_on_commit_callbacks):
    page, image = item_with_image
    tree = public_root() / "3" / image.iiif_identifier
    assert tree.is_dir()
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert not tree.exists()
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert tree.is_dir()


@pytest.fixture
def item_with_image(db, collection, grid_file, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        image = ingest_image(grid_file, identifier="on-page", title="On a page")
        item = make_item(collection, images=[image])
    return item, image


@pytest.mark.service
def test_s3_file_sets_and_public_trees(s3_media, grid_file, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        image = ingest_image(grid_file, identifier="grid", title="Grid", is_public=True)
    client = s3_client()

    def keys(prefix: str) -> set[str]:
        pages = client.get_paginator("list_objects_v2").paginate(Bucket=s3_media, Prefix=prefix)
        return {entry["Key"][len(prefix) :] for page in pages for entry in page.get("Contents", [])}

    stored = keys(stored_prefix(image.checksum))
    public = keys("iiif-public/3/grid/")
    assert "0,0,256,256/256,256/0/default.jpg" in public and public == stored - {".complete"}
    tile = client.get_object(Bucket=s3_media, Key="iiif-public/3/grid/0,0,256,256/256,256/0/default.jpg")
    assert tile["ContentType"] == "image/jpeg" and tile["CacheControl"].startswith("public, max-age=")
    with django_capture_on_commit_callbacks(execute=True):
        image.is_public = False
        image.save()
    assert keys("iiif-public/") == set()
