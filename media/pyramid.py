"""Tiled pyramidal TIFFs: built once per original at ingest, read tile by tile at request time.

A pyramid holds the image as 8-bit sRGB (or greyscale), upright, with JPEG tiles and one level per
power of two. Everything a request needs to know about the image's geometry comes from here.
"""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyvips
from django.conf import settings

from media.work_files import partial_path

# Orientations 5-8 turn the picture a quarter, so the upright image has width and height swapped.
QUARTER_TURN_ORIENTATIONS = {5, 6, 7, 8}
# Above this many uncompressed bytes a JPEG-tiled pyramid might outgrow the 4 GiB of classic TIFF.
BIGTIFF_THRESHOLD = 8 * 1024**3


def orientation_of(image: pyvips.Image) -> int:
    if image.get_typeof("orientation") == 0:
        return 1
    value = image.get("orientation")
    return value if 1 <= value <= 8 else 1


def to_srgb(image: pyvips.Image) -> pyvips.Image:
    """8-bit sRGB or 8-bit grey, without alpha: what JPEG tiles can hold and every viewer shows right."""
    if image.get_typeof("icc-profile-data") != 0:
        try:
            image = image.icc_transform("srgb", embedded=True, intent="relative", depth=8)
        except pyvips.Error:
            # A broken embedded profile is common in old scans; the pixels are still worth keeping.
            image = image.copy()
            image.remove("icc-profile-data")
    if image.interpretation in ("b-w", "grey16"):
        image = image.colourspace("b-w")
    elif image.interpretation != "srgb":
        image = image.colourspace("srgb")
    if image.hasalpha():
        image = image.flatten(background=[255] * (image.bands - 1))
    if image.format != "uchar":
        image = image.cast("uchar")
    return image


@contextmanager
def streamed(source: Path, **options) -> Iterator[pyvips.Image]:
    """The file's pixels read through plain reads, for use inside the block.

    Opened by name, libvips maps a whole JPEG into memory, and every mapped page counts in the process's
    resident size: ~100 MB for a 192-megapixel scan, ~500 MB for a gigapixel one. Read through a stream
    the decoder holds only its buffers. The source must outlive every read, hence the block.
    """
    with open(source, "rb") as handle:
        stream = pyvips.SourceCustom()
        stream.on_read(handle.read)
        stream.on_seek(handle.seek)
        yield pyvips.Image.new_from_source(stream, "", **options)


@contextmanager
def open_upright(source: Path) -> Iterator[pyvips.Image]:
    """The original, upright and in sRGB, for use inside the block. Unrotated sources stream top to
    bottom in bounded memory; rotated ones need random access, which libvips serves from a temporary file
    for large images."""
    header = pyvips.Image.new_from_file(str(source))
    orientation = orientation_of(header)
    access = "sequential" if orientation == 1 else "random"
    with streamed(source, access=access) as image:
        if orientation != 1:
            image = image.autorot()
        yield to_srgb(image)


def build_pyramid(source: Path, target: Path) -> None:
    """Write the pyramid of `source` to `target` atomically: a failure leaves no partial file behind."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = partial_path(target)
    try:
        with open_upright(source) as image:
            _save_pyramid(image, partial)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def _save_pyramid(image: pyvips.Image, partial: Path) -> None:
    tile = settings.IIIF_TILE_SIZE
    image.tiffsave(
        str(partial),
        tile=True,
        tile_width=tile,
        tile_height=tile,
        pyramid=True,
        compression="jpeg",
        Q=settings.IIIF_JPEG_QUALITY,
        bigtiff=image.width * image.height * image.bands > BIGTIFF_THRESHOLD,
        keep=pyvips.enums.ForeignKeep.NONE,
    )


@dataclass(frozen=True)
class Level:
    page: int
    width: int
    height: int
    scale: int


@dataclass(frozen=True)
class Pyramid:
    path: Path
    width: int
    height: int
    tile_width: int
    tile_height: int
    levels: tuple[Level, ...]
    modified_ns: int  # the file's mtime: Last-Modified of every response made from it

    @property
    def scale_factors(self) -> list[int]:
        return [level.scale for level in self.levels]

    def level_for(self, scale: float) -> Level:
        """The smallest level that still has at least the requested resolution."""
        chosen = self.levels[0]
        for level in self.levels:
            if level.scale <= scale:
                chosen = level
        return chosen


def open_pyramid(path: Path) -> Pyramid:
    stat = path.stat()
    return _read_pyramid(str(path), stat.st_mtime_ns)


def open_level(pyramid: Pyramid, page: int) -> pyvips.Image:
    """One level of the pyramid, kept open: opening a TIFF directory costs more than cutting a tile from it.

    A pyramid file never changes once written (it is named by its original's checksum); should it be
    removed, the open level still reads the old file until it drops out of this small cache.
    """
    return _open_level(str(pyramid.path), page, pyramid.modified_ns)


@lru_cache(maxsize=64)
def _open_level(path: str, page: int, mtime_ns: int) -> pyvips.Image:
    if not os.path.exists(path):
        raise FileNotFoundError(path)
    return pyvips.Image.new_from_file(path, page=page)


@lru_cache(maxsize=512)
def _read_pyramid(path: str, mtime_ns: int) -> Pyramid:
    first = pyvips.Image.new_from_file(path)
    pages = first.get("n-pages") if first.get_typeof("n-pages") else 1
    levels = []
    for page in range(pages):
        level = first if page == 0 else pyvips.Image.new_from_file(path, page=page)
        levels.append(Level(page=page, width=level.width, height=level.height, scale=2**page))
    return Pyramid(
        path=Path(path),
        width=first.width,
        height=first.height,
        tile_width=first.get("tile-width") if first.get_typeof("tile-width") else settings.IIIF_TILE_SIZE,
        tile_height=first.get("tile-height") if first.get_typeof("tile-height") else settings.IIIF_TILE_SIZE,
        levels=tuple(levels),
        modified_ns=mtime_ns,
    )
