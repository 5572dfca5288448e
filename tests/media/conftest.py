"""Fixtures of the image service tests: private pyramid and cache folders, and a few ingested images."""

from pathlib import Path

import pytest
import pyvips
from django.utils import translation

from media.ingest import ingest_image

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED_TEST_IMAGE = REPO_ROOT.parent / "shared" / "iiif" / "67352ccc-d1b0-11e1-89ae-279075081939.png"
TEST_IDENTIFIER = "67352ccc-d1b0-11e1-89ae-279075081939"


@pytest.fixture(autouse=True)
def english():
    """Reasons are asserted in English; the site's default language is Lithuanian."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def iiif_folders(settings, tmp_path):
    settings.IIIF_PYRAMID_ROOT = str(tmp_path / "pyramids")
    settings.IIIF_CACHE_ROOT = str(tmp_path / "cache")
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.IIIF_BASE_URL = "http://testserver/iiif"
    return tmp_path


def write_grid(path: Path, width: int = 1000, height: int = 1000, **save_options) -> Path:
    """A picture whose colour at (x, y) is known: red grows to the right, green downwards."""
    xy = pyvips.Image.xyz(width, height)
    red = (xy[0] * 255 / max(1, width - 1)).cast("uchar")
    green = (xy[1] * 255 / max(1, height - 1)).cast("uchar")
    blue = (red * 0 + 60).cast("uchar")
    red.bandjoin([green, blue]).copy(interpretation="srgb").write_to_file(str(path), **save_options)
    return path


@pytest.fixture
def grid_file(tmp_path) -> Path:
    return write_grid(tmp_path / "grid.png")


@pytest.fixture
def public_image(db, grid_file):
    return ingest_image(grid_file, identifier="grid", title="Grid", is_public=True)


@pytest.fixture
def private_image(db, tmp_path):
    return ingest_image(write_grid(tmp_path / "draft.png", 600, 400), identifier="draft", title="Draft")
