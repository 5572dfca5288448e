"""Where the files of an image live: its original, its pyramid and its cached derivatives.

Originals are Wagtail's file field in the media storage (`default_storage`): local files, or a private S3
bucket when one is configured. Pyramids are built on local disk; with a remote storage they are then
stored beside the originals, and every web node reads them through a bounded local read-through cache
(libvips reads files, and a tile from a local file costs a fraction of a ranged request). Derivatives stay
in each node's own disk cache (media.iiif.cache): they are cheaper to make again than to fetch.
"""

import errno
import fcntl
import os
import shutil
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, default_storage

from media.work_files import partial_path, work_dir

PYRAMID_FOLDER = "iiif-pyramids"
# Health checks write (and delete) their probe objects here.
PROBE_FOLDER = "healthz"
PROBE_CONTENT = b"ok"
# The local pyramid cache is pruned to this share of its bound, so that it is not pruned on every fetch.
PRUNE_TO = 0.8


def storage_errors() -> tuple[type[BaseException], ...]:
    """What a storage raises when it cannot be reached or refuses a request."""
    try:
        from botocore.exceptions import BotoCoreError, ClientError
    except ImportError:
        return (OSError,)
    return (OSError, BotoCoreError, ClientError)


# Errors of a local file storage that mean the storage itself failed, not the code that called it
# (EPERM: an immutable or otherwise locked folder, which even root cannot write).
STORAGE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EIO, errno.EACCES, errno.EPERM})


def is_storage_failure(error: BaseException) -> bool:
    """True for an error of the media storage (unreachable S3, full or read-only disk), not any OSError."""
    if isinstance(error, OSError):
        return error.errno in STORAGE_ERRNOS or isinstance(error, ConnectionError)
    return isinstance(error, storage_errors())


def storage_message(error: BaseException) -> str:
    """What the storage said, without file paths or endpoints: safe to show to whoever made the request."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return error.__class__.__name__


def is_remote(storage: Storage | None = None) -> bool:
    """True for storages without local files (S3)."""
    try:
        (storage or default_storage).path("probe")
    except NotImplementedError:
        return True
    return False


def check_available(storage: Storage | None = None) -> None:
    """Raise one of storage_errors() unless the storage answers now: for S3 one HEAD of the bucket. An object's
    HEAD answers 404 alike for a missing key and a missing bucket, and some servers (SeaweedFS) create a
    missing bucket on the first write, so only the bucket's own answer shows that it is not there."""
    storage = storage or default_storage
    if hasattr(storage, "bucket_name") and hasattr(storage, "connection"):
        storage.connection.meta.client.head_bucket(Bucket=storage.bucket_name)
    elif is_remote(storage):
        storage.exists(f"{PYRAMID_FOLDER}/.probe")


def is_missing_bucket(error: BaseException) -> bool:
    """True for S3's answer about a bucket that does not exist (a bare 404 to HEAD, NoSuchBucket otherwise)."""
    code = getattr(error, "response", {}).get("Error", {}).get("Code", "")
    return code in {"404", "NoSuchBucket"}


def probe_write(storage: Storage | None = None) -> None:
    """Write a small object, read it back and delete it: a store can answer reads and refuse writes. Each probe
    has a name of its own, so that nodes and processes probing at once never meet."""
    storage = storage or default_storage
    saved = storage.save(f"{PROBE_FOLDER}/probe-{uuid.uuid4().hex}", ContentFile(PROBE_CONTENT))
    try:
        with storage.open(saved, "rb") as probe:
            if probe.read() != PROBE_CONTENT:
                raise OSError(errno.EIO, "the probe object read back differently")
    finally:
        storage.delete(saved)


def pyramid_root() -> Path:
    return Path(settings.IIIF_PYRAMID_ROOT or Path(settings.MEDIA_ROOT) / "iiif-pyramids")


def cache_root() -> Path:
    return Path(settings.IIIF_CACHE_ROOT or Path(settings.MEDIA_ROOT) / "iiif-cache")


def pyramid_path(checksum: str) -> Path:
    """Pyramids are named by the checksum of their original: one file per content, rebuilt never.
    With a remote storage this is the node's cached copy."""
    return pyramid_root() / checksum[:2] / f"{checksum}.tif"


def pyramid_name(checksum: str) -> str:
    """The pyramid's name in a remote storage."""
    return f"{PYRAMID_FOLDER}/{checksum[:2]}/{checksum}.tif"


def pyramid_exists(checksum: str) -> bool:
    if is_remote():
        return default_storage.exists(pyramid_name(checksum))
    return pyramid_path(checksum).exists()


def store_pyramid(checksum: str) -> None:
    """After a local build: keep the pyramid in the remote storage too (the local file stays, cached)."""
    if not is_remote() or default_storage.exists(pyramid_name(checksum)):
        return
    with open(pyramid_path(checksum), "rb") as handle:
        stored = default_storage.save(pyramid_name(checksum), File(handle))
    if stored != pyramid_name(checksum):
        # Another worker stored the same content first; its copy is as good as ours.
        default_storage.delete(stored)


def discard_pyramid_files(checksum: str) -> None:
    pyramid_path(checksum).unlink(missing_ok=True)
    if is_remote():
        default_storage.delete(pyramid_name(checksum))


def local_pyramid(checksum: str) -> Path:
    """A local file holding the pyramid. With a remote storage, fetched into this node's cache on first
    use; FileNotFoundError when there is none."""
    path = pyramid_path(checksum)
    if not is_remote():
        return path
    try:
        mark_used(path)
        return path
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    # One download per node: workers asking for the same new pyramid wait for the first one's copy.
    with open(path.with_name(f".{path.name}.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if path.exists():
            return path
        name = pyramid_name(checksum)
        if not default_storage.exists(name):
            raise FileNotFoundError(name)
        download(default_storage, name, path)
        # Every node then gives the same Last-Modified: the stored object's, not its own download time.
        stored_at = default_storage.get_modified_time(name).timestamp()
        os.utime(path, (time.time(), stored_at))
    prune_pyramid_cache(settings.IIIF_PYRAMID_CACHE_MAX_BYTES, keep=path)
    return path


def mark_used(path: Path) -> None:
    """The cache's recency is the access time, set here; the modification time stays the pyramid's own."""
    stat = path.stat()
    os.utime(path, ns=(time.time_ns(), stat.st_mtime_ns))


def download(storage: Storage, name: str, target: Path) -> None:
    """Copy a stored file to `target` atomically. S3 objects come down in parallel ranged parts, straight
    to disk (reading through the storage's file object would hold the whole object in memory)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = partial_path(target)
    try:
        if hasattr(storage, "bucket"):
            storage.bucket.download_file(name, str(partial))
        else:
            with storage.open(name, "rb") as source, open(partial, "wb") as copy:
                shutil.copyfileobj(source, copy, 1024 * 1024)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def prune_pyramid_cache(max_bytes: int, keep: Path | None = None) -> int:
    """Delete the least recently used cached pyramids until the cache is under PRUNE_TO of `max_bytes`.
    A worker that still has a removed file open reads on from it; others fetch it again."""
    return trim_to_budget(pyramid_root().glob("*/*.tif"), max_bytes, by_access=True, keep=keep)


def trim_to_budget(paths, max_bytes: int, by_access: bool = False, keep: Path | None = None) -> int:
    """Delete the oldest files (by access or by write time) until they fill PRUNE_TO of `max_bytes`;
    returns the bytes left. Shared by the pyramid cache and the derivative cache of each node."""
    entries = []
    for path in paths:
        try:
            stat = Path(path).stat()
        except FileNotFoundError:
            continue
        entries.append((stat.st_atime if by_access else stat.st_mtime, stat.st_size, Path(path)))
    total = sum(size for _, size, _ in entries)
    if total <= max_bytes:
        return total
    for _, size, path in sorted(entries):
        if total <= max_bytes * PRUNE_TO:
            break
        if path != keep:
            path.unlink(missing_ok=True)
            total -= size
    return total


@contextmanager
def local_original(image) -> Iterator[Path]:
    """A path on local disk holding the original, for libvips, which reads files rather than streams. A copy
    (from S3) lives in this process's work folder, which a killed process leaves to the next worker to remove."""
    try:
        path = Path(image.file.path)
    except NotImplementedError:
        path = None
    if path is not None:
        yield path
        return
    folder = Path(tempfile.mkdtemp(prefix="original-", dir=work_dir()))
    try:
        copy = folder / f"original{Path(image.file.name).suffix}"
        download(image.file.storage, image.file.name, copy)
        yield copy
    finally:
        shutil.rmtree(folder, ignore_errors=True)
