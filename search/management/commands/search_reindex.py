"""Rebuild the public search index from the catalogue, or only apply the edits it has not taken in."""

import time

from django.core.management.base import BaseCommand, CommandError

from search.indexing import rebuild_index, sync_changes
from search.models import IndexChange
from search.results import SearchUnavailable


class Command(BaseCommand):
    help = (
        "Rebuild the search index into a new index and switch the alias to it when complete, so searches "
        "never see a half-built index. With --changes-only, index just the pages edited while the search "
        "engine was unavailable."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--changes-only", action="store_true", help="Only sync the outstanding page changes, no full rebuild."
        )

    def handle(self, *args, changes_only: bool = False, **options):
        started = time.monotonic()
        try:
            if changes_only:
                synced = sync_changes()
                left = IndexChange.objects.filter(synced=False).count()
                if left:
                    raise CommandError(f"{left} changes could not be indexed; is the search engine up?")
                self.stdout.write(self.style.SUCCESS(f"Synced {synced} changed pages."))
                return
            count = rebuild_index(progress=self.progress)
        except SearchUnavailable as error:
            raise CommandError(f"Search engine unavailable: {error}") from error
        elapsed = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(f"Indexed {count} pages in {elapsed:.1f} s ({count / max(elapsed, 1e-6):.0f} pages/s).")
        )

    def progress(self, done: int, total: int) -> None:
        self.stdout.write(f"  {done}/{total} pages ({100 * done // max(total, 1)}%)")
