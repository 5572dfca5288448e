"""manage.py build_tile_files says plainly what it did: nothing to do when everything was in place, else what
it wrote and placed ("0 set(s) written, 2 in all; public trees placed 0" read like a failure)."""

import shutil
from io import StringIO

import pytest
from django.core.management import call_command

from media.iiif.public_tiles import LEDGER, placed, public_root
from media.iiif.tile_files import local_tiles_dir
from media.ingest import ingest_image
from tests.media.builders import write_grid

pytestmark = pytest.mark.django_db


def build() -> str:
    output = StringIO()
    call_command("build_tile_files", stdout=output)
    return output.getvalue()


@pytest.fixture
def images(grid_file, tmp_path, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        public = ingest_image(grid_file, identifier="shown", title="Shown", is_public=True)
        draft = ingest_image(write_grid(tmp_path / "draft.png", 600, 400), identifier="draft", title="Draft")
    return public, draft


def test_everything_in_place_is_said_plainly(images):
    said = build()
    assert "Tile files: all 2 tile sets were already written." in said, said
    assert "Public trees: 1 in place, none to add or remove." in said, said
    assert "0 set(s)" not in said and "placed 0" not in said


def test_what_was_written_and_placed_is_counted(images):
    public, draft = images
    shutil.rmtree(local_tiles_dir(public.checksum))
    shutil.rmtree(public_root() / "3" / "shown")
    shutil.rmtree(public_root() / LEDGER)
    assert placed() == {}
    said = build()
    assert "Tile files: 1 tile set written, 1 was already (2 in all)." in said, said
    assert "Public trees: 1 in place (1 added, 0 removed)." in said, said
    assert (public_root() / "3" / "shown" / "0,0,256,256/256,256/0/default.jpg").is_file()
