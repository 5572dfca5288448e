"""Where the files of an image live: its original, its pyramid and its cached derivatives.

Every file access of media/ goes through these few functions, so that another storage (S3) replaces
this module and nothing else.
"""

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings


def pyramid_root() -> Path:
    return Path(settings.IIIF_PYRAMID_ROOT or Path(settings.MEDIA_ROOT) / "iiif-pyramids")


def cache_root() -> Path:
    return Path(settings.IIIF_CACHE_ROOT or Path(settings.MEDIA_ROOT) / "iiif-cache")


def pyramid_path(checksum: str) -> Path:
    """Pyramids are named by the checksum of their original: one file per content, rebuilt never."""
    return pyramid_root() / checksum[:2] / f"{checksum}.tif"


@contextmanager
def local_original(image) -> Iterator[Path]:
    """A path on local disk holding the original, for libvips, which reads files rather than streams."""
    try:
        path = Path(image.file.path)
    except NotImplementedError:
        path = None
    if path is not None:
        yield path
        return
    suffix = Path(image.file.name).suffix
    with tempfile.NamedTemporaryFile(suffix=suffix) as copy, image.file.open("rb") as original:
        shutil.copyfileobj(original, copy, 1024 * 1024)
        copy.flush()
        yield Path(copy.name)
