"""The stored JPEG tiles of a pyramid, read as bytes: a request for exactly one whole tile needs no decoding.

`tile_copy` answers a plan that names a stored tile (RenderPlan.tile_position, media/iiif/plan.py);
`read_jpeg_tile` reads one tile of one TIFF directory.

libvips writes pyramid levels as a chain of TIFF directories whose tiles are JPEG streams sharing one
table segment (JPEGTables). Joining the tables to a tile gives a complete JPEG file of that tile, the
same pixels libvips would decode, without the generation loss (and the time) of encoding them again.
Only YCbCr and greyscale JPEG tiles qualify: an RGB-coded JPEG tile would be misread by viewers.
"""

import os
import struct
from dataclasses import dataclass
from functools import lru_cache

from media.iiif.plan import RenderPlan
from media.pyramid import Pyramid

COMPRESSION, PHOTOMETRIC, TILE_WIDTH, TILE_LENGTH = 259, 262, 322, 323
TILE_OFFSETS, TILE_BYTE_COUNTS, JPEG_TABLES, IMAGE_WIDTH = 324, 325, 347, 256
JPEG = 7
COPYABLE_PHOTOMETRIC = {1, 6}  # min-is-black grey, YCbCr
# TIFF field types: byte size and struct code of one value.
FIELD_TYPES = {1: (1, "B"), 3: (2, "H"), 4: (4, "I"), 7: (1, "B"), 16: (8, "Q")}
WANTED = {COMPRESSION, PHOTOMETRIC, TILE_WIDTH, TILE_LENGTH, TILE_OFFSETS, TILE_BYTE_COUNTS, JPEG_TABLES, IMAGE_WIDTH}


@dataclass(frozen=True)
class TileDirectory:
    tile_width: int
    tile_height: int
    tiles_across: int
    offsets: tuple[int, ...]
    byte_counts: tuple[int, ...]
    tables: bytes


def tile_copy(pyramid: Pyramid, plan: RenderPlan) -> bytes | None:
    """The answer to a plan as the JPEG bytes of the stored tile it names, or None when it names none or the
    tile cannot be copied."""
    if plan.tile_position is None:
        return None
    column, row = plan.tile_position
    return read_jpeg_tile(str(pyramid.path), pyramid.modified_ns, plan.page, column, row)


def read_jpeg_tile(path: str, mtime_ns: int, page: int, column: int, row: int) -> bytes | None:
    """The JPEG file of one stored tile of a level, or None when the level's tiles cannot be copied."""
    directory = tile_directory(path, mtime_ns, page)
    if directory is None:
        return None
    index = row * directory.tiles_across + column
    if not 0 <= index < len(directory.offsets):
        return None
    with open(path, "rb", buffering=0) as handle:
        data = os.pread(handle.fileno(), directory.byte_counts[index], directory.offsets[index])
    if not data.startswith(b"\xff\xd8"):
        return None
    if directory.tables:
        return directory.tables[:-2] + data[2:]  # tables without their EOI, tile without its SOI
    return data


@lru_cache(maxsize=256)
def tile_directory(path: str, mtime_ns: int, page: int) -> TileDirectory | None:
    with open(path, "rb") as handle:
        fields = _read_directory(handle, page)
    if fields is None or fields.get(COMPRESSION, (0,))[0] != JPEG:
        return None
    if fields.get(PHOTOMETRIC, (0,))[0] not in COPYABLE_PHOTOMETRIC or TILE_OFFSETS not in fields:
        return None
    tile_width, tile_height = fields[TILE_WIDTH][0], fields[TILE_LENGTH][0]
    tables = bytes(fields.get(JPEG_TABLES, b""))
    return TileDirectory(
        tile_width=tile_width,
        tile_height=tile_height,
        tiles_across=-(-fields[IMAGE_WIDTH][0] // tile_width),
        offsets=tuple(fields[TILE_OFFSETS]),
        byte_counts=tuple(fields[TILE_BYTE_COUNTS]),
        tables=tables if tables.startswith(b"\xff\xd8") and tables.endswith(b"\xff\xd9") else b"",
    )


def _read_directory(handle, page: int) -> dict[int, tuple] | None:
    """The wanted fields of the page-th directory of a classic or big TIFF."""
    header = handle.read(16)
    order = {b"II": "<", b"MM": ">"}.get(header[:2])
    if order is None:
        return None
    (magic,) = struct.unpack(order + "H", header[2:4])
    big = magic == 43
    if magic not in (42, 43):
        return None
    offset = struct.unpack(order + "Q", header[8:16])[0] if big else struct.unpack(order + "I", header[4:8])[0]
    count_format, entry_size, pointer_format = ("Q", 20, "Q") if big else ("H", 12, "I")
    for _ in range(page):
        if offset == 0:
            return None
        handle.seek(offset)
        (count,) = struct.unpack(order + count_format, handle.read(struct.calcsize(count_format)))
        handle.seek(offset + struct.calcsize(count_format) + count * entry_size)
        (offset,) = struct.unpack(order + pointer_format, handle.read(struct.calcsize(pointer_format)))
    if offset == 0:
        return None
    handle.seek(offset)
    (count,) = struct.unpack(order + count_format, handle.read(struct.calcsize(count_format)))
    entries = handle.read(count * entry_size)
    fields = {}
    for number in range(count):
        entry = entries[number * entry_size : (number + 1) * entry_size]
        tag, kind = struct.unpack(order + "HH", entry[:4])
        if tag not in WANTED or kind not in FIELD_TYPES:
            continue
        size, code = FIELD_TYPES[kind]
        (values,) = struct.unpack(order + ("Q" if big else "I"), entry[4 : 12 if big else 8])
        inline = entry[12:20] if big else entry[8:12]
        if values * size <= len(inline):
            raw = inline[: values * size]
        else:
            (pointer,) = struct.unpack(order + ("Q" if big else "I"), inline)
            handle.seek(pointer)
            raw = handle.read(values * size)
        fields[tag] = raw if kind == 7 else struct.unpack(order + code * values, raw)
    return fields
