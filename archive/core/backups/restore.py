"""Restoring a backup into an empty system: checks first, then the database, the originals, what is derived.

Nothing is changed until the backup has been read and found complete, the database found empty (or
--force given) and the backup's migrations found known to this code. The database then comes back as it
was, and migrations newer than the backup are applied; renditions (made again on demand) are forgotten, the
originals go back into the storage, verified, and the pyramids and the search index are rebuilt.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from archive.core.backups import database
from archive.core.backups.errors import BackupError
from archive.core.backups.manifest import originals_of
from archive.core.backups.originals import Original, check_stored, put_back
from archive.core.backups.store import original_member, reader_for
from archive.core.preflight import unapplied_migrations
from media.models import DigitizedImage, DigitizedRendition, PyramidStatus
from media.tasks import build_pyramid_task, ensure_pyramid
from search.indexing import rebuild_index
from search.results import SearchUnavailable

Say = Callable[[str], None]


@dataclass
class Restored:
    manifest: dict
    migrated: list[str] = field(default_factory=list)
    originals_stored: int = 0
    originals_present: int = 0
    pyramids: str = ""
    search: str = ""
    problems: list[str] = field(default_factory=list)


def restore_backup(src: Path, force: bool, queue: bool, say: Say) -> Restored:
    reader = reader_for(src)
    try:
        manifest = reader.read_manifest()
        originals = originals_of(manifest)
        check_target(manifest, originals, reader, force)
        restored = Restored(manifest)
        say(f"database: restoring the {manifest['database']['vendor']} snapshot of {manifest['created_at']}")
        with reader.local_file(manifest["database"]["file"]) as dump:
            database.restore(dump, manifest["database"]["vendor"], say)
        after_database(restored, say)
        restore_originals(originals, reader, manifest["originals_included"], force, restored, say)
    finally:
        reader.close()
    rebuild_pyramids(queue, restored, say)
    reindex(restored, say)
    return restored


def check_target(manifest: dict, originals: list[Original], reader, force: bool) -> None:
    """Refuse before changing anything: a database with content, a newer schema, an incomplete backup."""
    content = database.content_summary()
    if content and not force:
        raise BackupError(
            f"the database is not empty ({', '.join(content)}); restore into an empty system, "
            "or give --force to replace everything in it"
        )
    unknown = unknown_migrations(manifest["migrations"])
    if unknown:
        raise BackupError(
            f"the backup was taken by a newer version of the archive ({manifest['app_version']}): "
            f"this code does not know its migrations {', '.join(unknown[:5])}; deploy that version"
        )
    if manifest["originals_included"]:
        missing = [o.name for o in originals if not reader.has(original_member(o.sha256))]
        if missing:
            raise BackupError(f"{len(missing)} original(s) are missing from the backup: {', '.join(missing[:5])}")


def unknown_migrations(applied: dict[str, list[str]]) -> list[str]:
    """Migrations of installed apps that the backup has applied and this code lacks."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    known = set(loader.disk_migrations)
    known |= {replaced for migration in loader.disk_migrations.values() for replaced in migration.replaces}
    return [
        f"{app}.{name}"
        for app, names in applied.items()
        if app in loader.migrated_apps
        for name in names
        if (app, name) not in known
    ]


def after_database(restored: Restored, say: Say) -> None:
    """Caches of this process describe the old database; renditions' files were never backed up."""
    ContentType.objects.clear_cache()
    caches["default"].clear()
    pending = unapplied_migrations()
    if pending:
        say(f"  the code is newer than the backup: applying {len(pending)} migration(s)")
        call_command("migrate", interactive=False, verbosity=0)
        restored.migrated = pending
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {connection.ops.quote_name(DigitizedRendition._meta.db_table)}")
    DigitizedImage.objects.update(pyramid_status=PyramidStatus.PENDING, pyramid_error="")


def restore_originals(originals, reader, included: bool, force: bool, restored: Restored, say: Say) -> None:
    what = "putting back" if included else "checking (the backup holds none)"
    say(f"originals: {what} {len(originals)} into the media storage")
    for position, original in enumerate(originals, start=1):
        try:
            if not included:
                check_stored(original, default_storage)
                restored.originals_present += 1
            elif put_back(original, reader, default_storage, replace=force):
                restored.originals_stored += 1
            else:
                restored.originals_present += 1
        except BackupError as error:
            restored.problems.append(str(error))
            say(f"  [{position}/{len(originals)}] {error}")
            continue
        say(f"  [{position}/{len(originals)}] {original.name}")


def rebuild_pyramids(queue: bool, restored: Restored, say: Say) -> None:
    images = list(DigitizedImage.objects.order_by("pk"))
    if queue:
        for image in images:
            build_pyramid_task.enqueue(image.pk)
        restored.pyramids = f"{len(images)} build(s) queued for `manage.py worker`"
        say(f"pyramids: {restored.pyramids}")
        return
    say(f"pyramids: building {len(images)}")
    not_ready = []
    for position, image in enumerate(images, start=1):
        outcome = ensure_pyramid(image)
        say(f"  [{position}/{len(images)}] {image.iiif_identifier}: {outcome}")
        if outcome != PyramidStatus.READY:
            not_ready.append(image.iiif_identifier)
    restored.pyramids = f"{len(images) - len(not_ready)} of {len(images)} built"
    if not_ready:
        restored.problems.append(f"pyramids not ready: {', '.join(not_ready)} (manage.py build_pyramids --failed)")


def reindex(restored: Restored, say: Say) -> None:
    say("search: rebuilding the index")
    try:
        count = rebuild_index(progress=lambda done, total: say(f"  {done}/{total} pages"))
    except SearchUnavailable as error:
        restored.search = "not rebuilt"
        restored.problems.append(f"search index not rebuilt ({error}); run `manage.py search_reindex`")
        return
    restored.search = f"{count} page(s) indexed"
