"""A bounded disk cache of encoded derivatives, keyed by the canonical request and the original's checksum.

A hit is one file read. The cache is pruned oldest-first whenever a process has written a tenth of
the limit since it last looked, so it never grows far past `IIIF_CACHE_MAX_BYTES` however many
workers write to it.
"""

import hashlib
import os
import threading
import time
import uuid
from pathlib import Path

from django.conf import settings

from media.storage import cache_root, trim_to_budget

_lock = threading.Lock()
_written_since_prune = 0


def cache_key(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def entry_path(key: str) -> Path:
    return cache_root() / key[:2] / key


def get(key: str) -> bytes | None:
    try:
        with open(entry_path(key), "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        return None


def put(key: str, data: bytes) -> None:
    global _written_since_prune
    path = entry_path(key)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{key}.{uuid.uuid4().hex}")
    try:
        partial.write_bytes(data)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    with _lock:
        _written_since_prune += len(data)
        due = _written_since_prune >= settings.IIIF_CACHE_MAX_BYTES / 10
        if due:
            _written_since_prune = 0
    if due:
        prune(settings.IIIF_CACHE_MAX_BYTES)


# A half-written entry (".<key>.<random>") older than this belongs to a process that died while writing it.
PARTIAL_MAX_AGE_SECONDS = 600


def prune(max_bytes: int) -> int:
    """Delete what killed processes left half-written, then the least recently written entries until the
    cache is back under its budget."""
    entries = [Path(entry.path) for folder in _scandir(cache_root()) for entry in _scandir(Path(folder.path))]
    return trim_to_budget([path for path in entries if not _abandoned(path)], max_bytes)


def _abandoned(path: Path) -> bool:
    """True (and removed) for a partial file too old to be still being written."""
    if not path.name.startswith("."):
        return False
    try:
        if time.time() - path.stat().st_mtime < PARTIAL_MAX_AGE_SECONDS:
            return False
    except FileNotFoundError:
        return True
    path.unlink(missing_ok=True)
    return True


def _scandir(folder: Path) -> list[os.DirEntry]:
    try:
        return list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return []
