"""What a worker remembers of public images between requests, so that a tile of one costs no database query.

Only positive answers for everyone ("this image is public, here is its pyramid") are kept, for at most
IIIF_PUBLIC_LOOKUP_SECONDS. Drafts, unknown identifiers and what an editor may see go the full way (the
database and the access policy) on every request. Whatever can change an answer (an image saved or
deleted, a page published, unpublished, moved, deleted or restricted) touches a stamp file in the node's
cache folder. A worker looks at the stamp (one stat()) at most every STAMP_CHECK_SECONDS, not on every
tile, so all workers of a node forget within that time (the worker that made the change, at once), and
the time limit bounds what another node may still serve.
"""

import os
import threading
import time
from dataclasses import dataclass, field
from functools import lru_cache

from django.conf import settings
from django.db import transaction
from django.utils.http import http_date

from media.pyramid import Pyramid
from media.storage import cache_root

# A worker keeps at most this many answers; past it, it starts afresh (a cheap bound on memory).
MAX_ENTRIES = 10_000
STAMP_NAME = ".access-changed"
# How long a worker trusts the stamp it last read: the longest another worker of the node may still
# serve an image that stopped being public.
STAMP_CHECK_SECONDS = 1.0


@dataclass(frozen=True)
class ServedImage:
    checksum: str
    pyramid: Pyramid
    public: bool
    last_modified: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "last_modified", http_date(self.pyramid.modified_ns // 1_000_000_000))


class PublicAnswers:
    def __init__(self) -> None:
        self._entries: dict[str, tuple[float, ServedImage]] = {}
        self._stamp = -1
        self._stamp_checked = float("-inf")
        self._stamp_path = ""
        self._lock = threading.Lock()

    def stamp(self) -> int:
        """The time of the last change that could alter an answer; forgets everything when it moved."""
        path = stamp_path(settings.IIIF_CACHE_ROOT, settings.MEDIA_ROOT)
        now = time.monotonic()
        if now - self._stamp_checked < STAMP_CHECK_SECONDS and path == self._stamp_path:
            return self._stamp
        self._stamp_checked, self._stamp_path = now, path
        try:
            stamp = os.stat(path).st_mtime_ns
        except FileNotFoundError:
            stamp = 0
        if stamp != self._stamp:
            with self._lock:
                self._entries.clear()
                self._stamp = stamp
        return stamp

    def recall(self, identifier: str) -> ServedImage | None:
        self.stamp()
        entry = self._entries.get(identifier)
        if entry is None or entry[0] < time.monotonic():
            return None
        return entry[1]

    def keep(self, identifier: str, served: ServedImage, stamp: int) -> None:
        """Remember a public answer found after `stamp` was read, unless something changed meanwhile."""
        if not served.public or self.stamp() != stamp:
            return
        with self._lock:
            if len(self._entries) >= MAX_ENTRIES:
                self._entries.clear()
            self._entries[identifier] = (time.monotonic() + settings.IIIF_PUBLIC_LOOKUP_SECONDS, served)

    def forget(self, identifier: str) -> None:
        with self._lock:
            self._entries.pop(identifier, None)

    def forget_all(self) -> None:
        with self._lock:
            self._entries.clear()
            self._stamp_checked = float("-inf")
        touch_stamp()


@lru_cache(maxsize=8)
def stamp_path(cache_setting: str, media_root: str) -> str:
    """Keyed by the settings it depends on (tests change them); a hit costs no path arithmetic."""
    return str(cache_root() / STAMP_NAME)


def touch_stamp() -> None:
    path = stamp_path(settings.IIIF_CACHE_ROOT, settings.MEDIA_ROOT)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    now = time.time_ns()
    with open(path, "a"):
        os.utime(path, ns=(now, now))


public_answers = PublicAnswers()


def access_changed(sender=None, **kwargs) -> None:
    """Signal receiver: forget now, and again at commit, when other workers can first see the change."""
    public_answers.forget_all()
    transaction.on_commit(public_answers.forget_all)


def page_deleted(sender, instance=None, **kwargs) -> None:
    from wagtail.models import Page

    if isinstance(instance, Page):
        access_changed()
