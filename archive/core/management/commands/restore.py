"""python manage.py restore SRC [--force] [--queue] - a backup back into an empty system."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archive.core.backups.errors import BackupError
from archive.core.backups.restore import Restored, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` (a folder or a .tar) into an empty system: the database "
        "(pg_restore, or a copy of the SQLite file), the originals back into the media storage, each verified "
        "against the manifest's sha256, then the pyramids built (or queued with --queue) and the search index "
        "rebuilt. Refuses a database that has content unless --force. Exits non-zero if anything is left to do."
    )

    def add_arguments(self, parser):
        parser.add_argument("src", type=Path, help="The backup: a folder, or a .tar file.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace a database that has content, and stored originals that differ.",
        )
        parser.add_argument(
            "--queue",
            action="store_true",
            help="Queue the pyramid builds for `manage.py worker` instead of building them here.",
        )

    def handle(self, *args, src: Path, force: bool, queue: bool, **options):
        try:
            restored = restore_backup(src, force=force, queue=queue, say=self.progress)
        except BackupError as error:
            raise CommandError(f"Restore failed: {error}") from error
        self.report(restored)
        if restored.problems:
            raise CommandError(
                f"Restored with {len(restored.problems)} problem(s):\n  " + "\n  ".join(restored.problems)
            )

    def report(self, restored: Restored) -> None:
        manifest = restored.manifest
        migrated = f", then {len(restored.migrated)} newer migration(s) applied" if restored.migrated else ""
        self.stdout.write(
            f"Restored the backup of {manifest['created_at']} (archive {manifest['app_version']}):\n"
            f"  database: {manifest['database']['vendor']} snapshot loaded{migrated}; renditions forgotten "
            "(made again on demand)\n"
            f"  originals: {restored.originals_stored} stored, {restored.originals_present} already in the storage\n"
            f"  pyramids: {restored.pyramids}\n"
            f"  search: {restored.search}\n"
            "Check: /healthz answers ok; an item page shows its images and zooms; `manage.py media_check`; "
            "`manage.py preflight`; editors can log in (accounts and passwords are as they were at backup time; "
            "SECRET_KEY must be the old one for signed links and sessions to stay valid)."
        )

    def progress(self, line: str) -> None:
        self.stderr.write(line)
