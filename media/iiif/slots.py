"""How many uncached renders may run at once: IIIF_MAX_CONCURRENT_RENDERS on a node, and
IIIF_RENDERS_PER_PROCESS in each of its worker processes.

Copied tiles and cached derivatives are file reads and never come here; nor do renders no bigger than a
few tiles (edge tiles, thumbnails), which cost less than waiting would. Every other render takes a slot.

The node's slots bound its CPU and memory: a slot is an exclusive flock on one of N small files in the
node's cache folder, so every worker process and thread counts against the same N (a bound per process
alone would let gunicorn's workers multiply it), and the kernel frees the slot of a process that dies. A
render that finds them all taken tries again for IIIF_RENDER_QUEUE_SECONDS, then is refused with 503.

The bound per process keeps a worker's other threads for tiles: a gunicorn worker accepts connections
whether or not it has a free thread, so a worker whose every thread renders would leave the tiles it has
accepted waiting behind those renders. A render beyond it waits like the others, within the same
IIIF_RENDER_QUEUE_SECONDS: a page's few derivatives (a slider, highlights) are made one after another
instead of some of them being refused, which a browser's <img> would show as a broken image.

Giving a slot back also hands the memory the render freed back to the system: glibc keeps freed memory in
its arenas, and each worker process would otherwise keep the peak of the largest render it ever made.
"""

import ctypes
import fcntl
import os
import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from functools import lru_cache
from pathlib import Path

from django.conf import settings

from media.iiif.errors import Unavailable
from media.iiif.plan import RenderPlan
from media.storage import cache_root

# A render that reads and writes no more pixels than this (four 256-pixel tiles) needs no slot.
SMALL_RENDER_PIXELS = 512 * 512
POLL_SECONDS = 0.02


def slot_for(plan: RenderPlan) -> AbstractContextManager:
    _, _, width, height = plan.crop
    output_width, output_height = plan.output
    if width * height <= SMALL_RENDER_PIXELS and output_width * output_height <= SMALL_RENDER_PIXELS:
        return nullcontext()
    return render_slot()


@contextmanager
def render_slot() -> Iterator[None]:
    """One of this process's slots, then one of the node's."""
    give_up_at = time.monotonic() + settings.IIIF_RENDER_QUEUE_SECONDS
    process_slots = _process_slots(max(1, settings.IIIF_RENDERS_PER_PROCESS))
    if not process_slots.acquire(timeout=settings.IIIF_RENDER_QUEUE_SECONDS):
        raise Unavailable("this server process is busy making large images; try again shortly")
    try:
        handle = take_slot(give_up_at)
        try:
            yield
        finally:
            release_freed_memory()
            os.close(handle)  # closing the file releases its lock
    finally:
        process_slots.release()


@lru_cache(maxsize=4)
def _process_slots(count: int) -> threading.BoundedSemaphore:
    """Keyed by the setting, which tests change."""
    return threading.BoundedSemaphore(count)


def slot_path(number: int) -> Path:
    # Files at the top of the cache folder, where the cache's pruning looks only into folders.
    return cache_root() / f".render-slot-{number}"


def take_slot(give_up_at: float) -> int:
    """A lock on one of the node's slot files, as an open file descriptor."""
    count = max(1, settings.IIIF_MAX_CONCURRENT_RENDERS)
    cache_root().mkdir(parents=True, exist_ok=True)
    while True:
        for number in range(count):
            handle = try_lock(slot_path(number))
            if handle is not None:
                return handle
        if time.monotonic() >= give_up_at:
            raise Unavailable(
                f"all {count} render slots of the image service are taken; try again shortly or ask for a smaller size"
            )
        time.sleep(POLL_SECONDS)


def try_lock(path: Path) -> int | None:
    handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(handle)
        return None
    return handle


def _malloc_trim():
    try:
        return ctypes.CDLL(None).malloc_trim  # glibc only
    except AttributeError:
        return None


_MALLOC_TRIM = _malloc_trim()


def release_freed_memory() -> None:
    if _MALLOC_TRIM is not None:
        _MALLOC_TRIM(0)
