"""python manage.py backup DEST [--without-originals] - the database and the originals, consistently."""

import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archive.core.backups.errors import BackupError
from archive.core.backups.take import take_backup


class Command(BaseCommand):
    help = (
        "Back up the archive into DEST, a folder (updated in place: originals already there are not copied "
        "again) or a file ending in .tar: the database as one consistent snapshot (pg_dump, or SQLite's backup "
        "API) while the site runs, a manifest.json listing every original with its size and sha256, and the "
        "originals from the media storage. Pyramids, renditions, caches and the search index are rebuilt "
        "after a restore, not backed up. Progress goes to stderr; exits non-zero, naming the problem, on failure."
    )

    def add_arguments(self, parser):
        parser.add_argument("dest", type=Path, help="A folder, or a file name ending in .tar.")
        parser.add_argument(
            "--without-originals",
            action="store_true",
            help="Only the database and the manifest: for a media bucket replicated elsewhere.",
        )

    def handle(self, *args, dest: Path, without_originals: bool, **options):
        # The dump holds users and password hashes: only the archive's user reads what is written here.
        previous_umask = os.umask(0o077)
        try:
            taken = take_backup(dest, with_originals=not without_originals, say=self.progress)
        except BackupError as error:
            raise CommandError(f"Backup failed: {error}") from error
        except OSError as error:
            folder = dest.parent if dest.suffix == ".tar" else dest
            raise CommandError(
                f"Backup failed: cannot write {error.filename or dest}: {error.strerror}. Give the archive's user a "
                f"folder of its own, e.g. install -d -o archive -g archive -m 700 {folder}"
            ) from error
        finally:
            os.umask(previous_umask)
        copied = (
            f"originals: {taken.copied} copied ({taken.copied_bytes / 1e6:.1f} MB), "
            f"{taken.originals - taken.copied} already in the backup"
            if not without_originals
            else f"{taken.originals} original(s) listed, not copied"
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up into {dest} in {taken.seconds:.1f} s: "
                f"database {taken.database_bytes / 1e6:.1f} MB; {copied}."
            )
        )

    def progress(self, line: str) -> None:
        self.stderr.write(line)
