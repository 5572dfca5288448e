"""Fixtures of the image service tests: private pyramid and cache folders, and a few ingested images."""

from pathlib import Path

import pytest
from django.utils import translation

from media.ingest import ingest_image
from tests.media.builders import write_grid


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


@pytest.fixture
def grid_file(tmp_path) -> Path:
    return write_grid(tmp_path / "grid.png")


@pytest.fixture
def public_image(db, grid_file):
    return ingest_image(grid_file, identifier="grid", title="Grid", is_public=True)


@pytest.fixture
def private_image(db, tmp_path):
    return ingest_image(write_grid(tmp_path / "draft.png", 600, 400), identifier="draft", title="Draft")
