"""Public images' tile files, where a front server (nginx, a CDN, S3 static hosting) serves them without Python.

The tree is `<IIIF_PUBLIC_TILES_ROOT>/3/<identifier>/<region>/<size>/0/default.jpg` (local media) or
`iiif-public/3/<identifier>/...` (S3), the URL path after `/iiif/`. Only images the access policy shows
publicly are in it: `sync_public_tiles()` compares them with a ledger of placed trees (`.placed/<id>@<checksum>`,
written before a tree and removed after it, so that no tree is ever unknown) and places or removes the
difference. Placing links (local) or copies (S3) the image's file set (media.iiif.tile_files); removing takes the
tree out of the front server's reach first, then tells a CDN: the `public_tiles_removed` signal and the
IIIF_TILES_PURGE_COMMAND setting both get the identifier's URL prefix. Any change that may alter access
queues a sync (media/apps.py); under the database task backend the worker runs it.
"""

import logging
import os
import shlex
import shutil
import subprocess
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from django.conf import settings
from django.dispatch import Signal

from media.access import get_access_policy
from media.iiif.service import service_id
from media.iiif.tile_files import (
    S3_PARALLEL_REQUESTS,
    TILE_FORMAT,
    delete_prefix,
    local_tiles_dir,
    s3_client_and_bucket,
    s3_key,
    s3_names,
    stored_prefix,
    tiles_exist,
)
from media.models import DigitizedImage, PyramidStatus
from media.storage import is_remote

logger = logging.getLogger(__name__)
PUBLIC_FOLDER = "iiif-public"
VERSION = "3"
LEDGER = ".placed"
# Sent after an image's public tree is removed, with `identifier` and `prefix` (its absolute URL prefix).
public_tiles_removed = Signal()


def public_root() -> Path:
    return Path(settings.IIIF_PUBLIC_TILES_ROOT or Path(settings.MEDIA_ROOT) / PUBLIC_FOLDER)


def url_prefix(identifier: str) -> str:
    """What a CDN purges: every URL of the image's Image API 3.0 service."""
    return service_id(VERSION, identifier) + "/"


def wanted() -> dict[str, str]:
    """identifier -> checksum of every image with a ready pyramid that the public sees now."""
    images = DigitizedImage.objects.filter(pyramid_status=PyramidStatus.READY).exclude(checksum="")
    policy = get_access_policy()
    if hasattr(policy, "public_images"):
        rows = policy.public_images(images).values_list("iiif_identifier", "checksum", "pyramid_checksum")
    else:
        rows = [(i.iiif_identifier, i.checksum, i.pyramid_checksum) for i in images if policy.shown_publicly(i)]
    return {identifier: checksum for identifier, checksum, built in rows if checksum == built}


def placed() -> dict[str, str]:
    """identifier -> checksum of the trees the ledger lists."""
    if is_remote():
        names = [name for name in s3_names(f"{PUBLIC_FOLDER}/{LEDGER}/") if "/" not in name]
    else:
        folder = public_root() / LEDGER
        names = os.listdir(folder) if folder.is_dir() else []
    return dict(name.rsplit("@", 1) for name in names if "@" in name)


def sync_public_tiles() -> tuple[int, int]:
    """Place the trees of images that became public, remove those of images that stopped; (placed, removed)."""
    want, have = wanted(), placed()
    removed = added = 0
    for identifier, checksum in have.items():
        if want.get(identifier) != checksum:
            remove_tree(identifier, checksum)
            removed += 1
    for identifier, checksum in want.items():
        if have.get(identifier) != checksum and tiles_exist(checksum):
            place_tree(identifier, checksum)
            added += 1
    return added, removed


def place_tree(identifier: str, checksum: str) -> None:
    _mark(identifier, checksum, True)
    if is_remote():
        _copy_objects(identifier, checksum)
        return
    root = public_root()
    work = root / ".work" / f"{identifier}-{uuid.uuid4().hex[:8]}"
    work.parent.mkdir(parents=True, exist_ok=True)
    try:
        shutil.copytree(local_tiles_dir(checksum), work, copy_function=_link)
        target = root / VERSION / identifier
        target.parent.mkdir(parents=True, exist_ok=True)
        _retire(target)
        os.rename(work, target)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def remove_tree(identifier: str, checksum: str) -> None:
    if is_remote():
        delete_prefix(f"{PUBLIC_FOLDER}/{VERSION}/{identifier}/")
    else:
        _retire(public_root() / VERSION / identifier)
    _mark(identifier, checksum, False)
    purge(identifier)


def purge(identifier: str) -> None:
    """Tell caches in front (a CDN) to forget the image's URLs; a failing command is logged, not raised."""
    prefix = url_prefix(identifier)
    public_tiles_removed.send(sender=None, identifier=identifier, prefix=prefix)
    command = settings.IIIF_TILES_PURGE_COMMAND
    if not command:
        return
    try:
        subprocess.run([*shlex.split(command), prefix], check=True, timeout=60, capture_output=True)
    except (OSError, subprocess.SubprocessError) as error:
        logger.warning("IIIF_TILES_PURGE_COMMAND failed for %s: %s", prefix, error)


def _retire(tree: Path) -> None:
    """Out of the front server's reach at once (one rename), then deleted."""
    trash = public_root() / ".trash" / uuid.uuid4().hex
    trash.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.rename(tree, trash)
    except FileNotFoundError:
        return
    shutil.rmtree(trash, ignore_errors=True)


def _link(source: str, target: str) -> None:
    """A hard link costs no space; another file system gets a copy."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _mark(identifier: str, checksum: str, present: bool) -> None:
    name = f"{PUBLIC_FOLDER}/{LEDGER}/{identifier}@{checksum}"
    if is_remote():
        client, bucket = s3_client_and_bucket()
        if present:
            client.put_object(Bucket=bucket, Key=s3_key(name), Body=b"")
        else:
            client.delete_object(Bucket=bucket, Key=s3_key(name))
        return
    path = public_root() / LEDGER / name.rsplit("/", 1)[1]
    if present:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch()
    else:
        path.unlink(missing_ok=True)


def _copy_objects(identifier: str, checksum: str) -> None:
    """One server-side COPY per file, S3_PARALLEL_REQUESTS at a time."""
    client, bucket = s3_client_and_bucket()
    source, target = s3_key(stored_prefix(checksum)), s3_key(f"{PUBLIC_FOLDER}/{VERSION}/{identifier}/")

    def copy(name: str) -> None:
        client.copy_object(
            Bucket=bucket,
            Key=target + name,
            CopySource={"Bucket": bucket, "Key": source + name},
            ContentType=TILE_FORMAT.media_type,
            MetadataDirective="REPLACE",
            CacheControl=f"public, max-age={settings.IIIF_PUBLIC_MAX_AGE}",
        )

    names = [name for name in s3_names(stored_prefix(checksum)) if not name.startswith(".")]
    with ThreadPoolExecutor(S3_PARALLEL_REQUESTS) as pool:
        list(pool.map(copy, names))
