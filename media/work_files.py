"""Work files of this process (local copies of originals, half-written pyramids), and removing those that a
killed process left behind.

Each process works in a folder of its own under WORK_ROOT, named `<host>-<pid>-<random>`, and holds an
exclusive lock on the folder's `.lock` file while it lives. The kernel releases the lock when the process
dies, even by SIGKILL, so a folder whose lock can be taken belongs to nobody and can go. Files that must sit
beside their target to be renamed into place atomically (`.partial` pyramids) carry the owner's name; those
of another host are judged by age instead.
"""

import atexit
import fcntl
import os
import re
import shutil
import socket
import time
import uuid
from pathlib import Path

from django.conf import settings

LOCK_NAME = ".lock"
_owned: dict = {}  # this process's folder, pid and open lock file (a forked child makes its own)


def host_name() -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", socket.gethostname())[:60] or "host"


def work_dir() -> Path:
    """This process's work folder, made and locked on first use; the lock lasts as long as the process."""
    pid = os.getpid()
    if _owned.get("pid") == pid and _owned["folder"].exists():
        return _owned["folder"]
    root = Path(settings.WORK_ROOT)
    while True:
        folder = root / f"{host_name()}-{pid}-{uuid.uuid4().hex[:8]}"
        folder.mkdir(parents=True)
        lock = open(folder / LOCK_NAME, "w")  # held open for the life of the process
        fcntl.flock(lock, fcntl.LOCK_EX)
        # A cleaner could have taken the lock between our open and flock and removed the folder: start over.
        if (folder / LOCK_NAME).exists() and os.stat(folder / LOCK_NAME).st_ino == os.fstat(lock.fileno()).st_ino:
            _owned.update(pid=pid, folder=folder, lock=lock)
            atexit.register(_tidy, pid, folder)
            return folder
        lock.close()


def partial_path(target: Path) -> Path:
    """Where to write `target` before renaming it into place: beside it, named after this process's folder."""
    return target.with_name(f".{target.name}.{work_dir().name}.{uuid.uuid4().hex}.partial")


def owner_is_dead(folder: Path) -> bool:
    """True when no living process holds the folder's lock (or the folder is gone)."""
    try:
        with open(folder / LOCK_NAME) as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return False
            return True
    except FileNotFoundError:
        return not folder.exists() or _age(folder) > settings.WORKER_LOST_AFTER_SECONDS


def remove_stale_work_files(pyramid_folders: list[Path] | None = None) -> int:
    """Remove the work folders and `.partial` files of dead processes; returns how many went.

    `pyramid_folders`: where to look for partial files; by default every folder of the local pyramid root
    (a full look, for a worker's start); a build looks in its target's folder only.
    """
    removed = 0
    root = Path(settings.WORK_ROOT)
    owners = {}
    for folder in root.iterdir() if root.is_dir() else []:
        if folder.is_dir() and folder.name != own_name():
            owners[folder.name] = owner_is_dead(folder)
    if pyramid_folders is None:
        from media.storage import pyramid_root

        top = pyramid_root()
        pyramid_folders = [top, *(path for path in top.iterdir() if path.is_dir())] if top.is_dir() else []
    for folder in pyramid_folders:
        for partial in folder.glob(".*.partial"):
            if _partial_is_stale(partial, owners):
                partial.unlink(missing_ok=True)
                removed += 1
    for name, dead in owners.items():
        if dead:
            shutil.rmtree(root / name, ignore_errors=True)
            removed += 1
    return removed


def _partial_is_stale(partial: Path, owners: dict[str, bool]) -> bool:
    parts = partial.name.rsplit(".", 3)
    owner = parts[1] if len(parts) == 4 else ""
    if owner == own_name():
        return False
    if owner in owners:
        return owners[owner]
    if owner.startswith(f"{host_name()}-"):
        return True  # one of ours whose folder is gone: its process has ended
    return _age(partial) > settings.WORKER_LOST_AFTER_SECONDS  # another host's, or an older name


def _tidy(pid: int, folder: Path) -> None:
    """A clean exit removes its own folder (a forked child inherits this hook, but not the folder)."""
    if os.getpid() == pid:
        shutil.rmtree(folder, ignore_errors=True)


def own_name() -> str:
    return _owned["folder"].name if _owned.get("pid") == os.getpid() else ""


def _age(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except FileNotFoundError:
        return 0.0
