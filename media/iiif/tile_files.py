"""Canonical tiles as files: every tile and size a viewer asks for, written once after the pyramid is built.

The names are the Image API 3.0 request paths after `/iiif/3/<identifier>/`, as OpenSeadragon (and so
Mirador and the Universal Viewer) builds them from info.json: `x,y,w,h/sw,sh/0/default.jpg` for each tile of
each scale factor, edge tiles included; `full/sw,sh/0/default.jpg` for a level that fits in one tile; and
the whole-image `sizes` of info.json. The canonical `x,y,w,h/max/...` of a full-resolution tile is the same
file under `w,h` (the front server maps it, deploy/nginx/archive-iiif.conf). Every file's bytes come from the
same parse -> plan -> stored tile or render -> encode as the dynamic service, so a file and the app's answer
are the same bytes.

A file set is kept per original (by checksum, like the pyramid): a local folder beside the pyramid, or
objects under `iiif-tiles/` of the S3 bucket. media.iiif.public_tiles places a public image's set where the
front server reaches it.
"""

import math
import os
import shutil
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from django.core.files.storage import default_storage

from media.iiif.encode import encode
from media.iiif.formats import FORMATS, REQUIRED_FORMAT
from media.iiif.info import level_sizes
from media.iiif.parse import parse
from media.iiif.plan import Geometry, Limits, plan
from media.iiif.render import render
from media.iiif.service import geometry_of, limits
from media.iiif.tiff_tiles import tile_copy
from media.pyramid import Pyramid, open_level
from media.storage import is_remote, pyramid_root

TILE_FOLDER = "iiif-tiles"
# Tiles are the format every viewer asks for, the one the pyramid's stored tiles already are.
TILE_FORMAT = FORMATS[REQUIRED_FORMAT]
TILE_NAME = f"0/default.{TILE_FORMAT.extension}"
# Written last into an S3 file set: the set is whole.
COMPLETE = ".complete"
# Threads making a set's files (copies of stored tiles, renders of edge tiles).
MAKING_THREADS = min(4, os.cpu_count() or 1)
# S3 requests in flight at once when a file set is uploaded or copied (each is one small PUT or COPY).
S3_PARALLEL_REQUESTS = 16


def tile_names(geometry: Geometry, tile: int, limits: Limits) -> list[str]:
    """Every request path (after the identifier) that info.json leads a viewer to, each once."""
    width, height = geometry.width, geometry.height
    names: dict[str, None] = {}
    for scale in geometry.scale_factors:
        level_width, level_height = math.ceil(width / scale), math.ceil(height / scale)
        if level_width < tile and level_height < tile:
            names[f"full/{size_name(level_width, level_height, geometry)}/{TILE_NAME}"] = None
            continue
        step = tile * scale
        for row in range(math.ceil(level_height / tile)):
            for column in range(math.ceil(level_width / tile)):
                x, y = column * step, row * step
                w, h = min(step, width - x), min(step, height - y)
                region = "full" if (x, y, w, h) == (0, 0, width, height) else f"{x},{y},{w},{h}"
                size = (min(tile, level_width - column * tile), min(tile, level_height - row * tile))
                names[f"{region}/{size_name(*size, geometry)}/{TILE_NAME}"] = None
    for size in level_sizes(geometry, limits):
        names[f"full/{size_name(size['width'], size['height'], geometry)}/{TILE_NAME}"] = None
    return list(names)


def size_name(width: int, height: int, geometry: Geometry) -> str:
    """`max` for the image's full size, as viewers and the canonical form write it; `w,h` otherwise."""
    return "max" if (width, height) == (geometry.width, geometry.height) else f"{width},{height}"


def tile_bytes(pyramid: Pyramid, name: str, geometry: Geometry, limits: Limits) -> bytes:
    """The JPEG the dynamic service answers for `name`: the stored tile's bytes when it is one, else a render."""
    render_plan = plan(parse("3", f"tile/{name}"), geometry, limits)
    data = tile_copy(pyramid, render_plan)
    if data is None:
        data = encode(render(render_plan, open_level(pyramid, render_plan.page)), render_plan.format)
    return data


def tiles_of(pyramid: Pyramid) -> Iterator[tuple[str, bytes]]:
    """Every file of a pyramid's set with its bytes, under the service's current limits. Made on a few threads:
    libvips and file reads release the GIL, and most files are a copy of a stored tile."""
    geometry, bounds = geometry_of(pyramid), limits()

    def made(name: str) -> tuple[str, bytes]:
        return name, tile_bytes(pyramid, name, geometry, bounds)

    with ThreadPoolExecutor(MAKING_THREADS) as pool:
        yield from pool.map(made, tile_names(geometry, pyramid.tile_width, bounds))


def local_tiles_dir(checksum: str) -> Path:
    """A local file set, beside the pyramid of the same original."""
    return pyramid_root() / checksum[:2] / f"{checksum}-tiles"


def stored_prefix(checksum: str) -> str:
    """A file set's prefix in the S3 bucket."""
    return f"{TILE_FOLDER}/{checksum[:2]}/{checksum}/"


def tiles_exist(checksum: str) -> bool:
    if is_remote():
        return default_storage.exists(stored_prefix(checksum) + COMPLETE)
    return local_tiles_dir(checksum).is_dir()


def write_tiles(pyramid: Pyramid, checksum: str) -> int:
    """Write the file set of a pyramid unless it is there; returns the number of files written."""
    if tiles_exist(checksum):
        return 0
    if is_remote():
        return _upload_tiles(pyramid, checksum)
    target = local_tiles_dir(checksum)
    partial = target.with_name(f".{target.name}.partial-{uuid.uuid4().hex[:8]}")
    count = 0
    try:
        for name, data in tiles_of(pyramid):
            path = partial / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            count += 1
        try:
            os.rename(partial, target)
        except OSError:
            if not target.is_dir():  # another worker's identical set got there first otherwise
                raise
    finally:
        shutil.rmtree(partial, ignore_errors=True)
    return count


def _upload_tiles(pyramid: Pyramid, checksum: str) -> int:
    """One PUT per file, S3_PARALLEL_REQUESTS at a time; a marker written last says the set is whole."""
    client, bucket = s3_client_and_bucket()
    prefix = s3_key(stored_prefix(checksum))

    def put(item: tuple[str, bytes]) -> None:
        client.put_object(Bucket=bucket, Key=prefix + item[0], Body=item[1], ContentType=TILE_FORMAT.media_type)

    with ThreadPoolExecutor(S3_PARALLEL_REQUESTS) as pool:
        count = sum(1 for _ in pool.map(put, tiles_of(pyramid)))
    client.put_object(Bucket=bucket, Key=prefix + COMPLETE, Body=b"")
    return count


def discard_tiles(checksum: str) -> None:
    """Remove the file set of an original no image has any more."""
    if is_remote():
        delete_prefix(stored_prefix(checksum))
    shutil.rmtree(local_tiles_dir(checksum), ignore_errors=True)


def s3_client_and_bucket():
    """boto3's client (thread-safe, unlike the storage's resource objects) and the bucket's name."""
    return default_storage.connection.meta.client, default_storage.bucket_name


def s3_key(name: str) -> str:
    location = (getattr(default_storage, "location", "") or "").strip("/")
    return f"{location}/{name}" if location else name


def s3_names(prefix: str) -> Iterator[str]:
    """The keys under a prefix (of the storage), relative to the prefix."""
    client, bucket = s3_client_and_bucket()
    full = s3_key(prefix)
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=full):
        for entry in page.get("Contents", []):
            yield entry["Key"][len(full) :]


def delete_prefix(prefix: str) -> None:
    client, bucket = s3_client_and_bucket()
    keys = [s3_key(prefix) + name for name in s3_names(prefix)]
    for start in range(0, len(keys), 1000):
        batch = [{"Key": key} for key in keys[start : start + 1000]]
        client.delete_objects(Bucket=bucket, Delete={"Objects": batch, "Quiet": True})
