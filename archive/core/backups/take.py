"""Taking a backup: the database snapshot, then the originals it lists, then the manifest."""

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.core.files.storage import default_storage
from django.utils import timezone

from archive.core.backups import database, manifest
from archive.core.backups.errors import BackupError
from archive.core.backups.originals import copy_into_backup
from archive.core.backups.store import DATABASE_PREFIX, writer_for

Say = Callable[[str], None]
# With thousands of originals already in the backup, a line every so many keeps the progress readable.
PROGRESS_EVERY = 100


@dataclass
class Taken:
    originals: int = 0
    copied: int = 0
    copied_bytes: int = 0
    database_bytes: int = 0
    seconds: float = 0.0


def take_backup(dest: Path, with_originals: bool, say: Say) -> Taken:
    """Write a backup into `dest` (a folder, or a .tar); BackupError names whatever went wrong, and then
    the previous backup in `dest` is left as it was."""
    started = time.monotonic()
    vendor = database.supported_vendor()
    writer = writer_for(dest)
    try:
        taken_at = timezone.now()
        name = f"{DATABASE_PREFIX}{taken_at:%Y%m%dT%H%M%SZ}{database.SUFFIXES[vendor]}"
        say(f"database ({vendor}): taking one consistent snapshot")
        dumped = writer.staging / name
        snapshot = database.dump(dumped)
        taken = Taken(originals=len(snapshot.originals), database_bytes=dumped.stat().st_size)
        writer.add_database(dumped, name)
        say(
            f"  {taken.database_bytes / 1e6:.1f} MB in {time.monotonic() - started:.1f} s; "
            f"{taken.originals} original(s) listed"
        )
        if with_originals:
            copy_originals(snapshot.originals, writer, taken, say)
        else:
            say("originals: not copied (--without-originals); the manifest lists them with their sha256")
        writer.commit(manifest.build(snapshot, taken_at, name, originals_included=with_originals))
    finally:
        writer.close()
    taken.seconds = time.monotonic() - started
    return taken


def copy_originals(originals, writer, taken: Taken, say: Say) -> None:
    """Copy each original not yet in the backup; go on past a bad one and name them all at the end."""
    problems = []
    for position, original in enumerate(originals, start=1):
        try:
            copied = copy_into_backup(original, writer, default_storage)
        except BackupError as error:
            problems.append(str(error))
            say(f"  [{position}/{len(originals)}] {error}")
            continue
        if copied:
            taken.copied += 1
            taken.copied_bytes += original.size or 0
            say(f"  [{position}/{len(originals)}] copied {original.name} ({(original.size or 0) / 1e6:.1f} MB)")
        elif position % PROGRESS_EVERY == 0 or position == len(originals):
            say(f"  [{position}/{len(originals)}] already in the backup")
    if problems:
        raise BackupError(
            f"{len(problems)} original(s) could not be backed up, so no manifest was written "
            "(the previous backup, if any, is still whole):\n  " + "\n  ".join(problems)
        )
