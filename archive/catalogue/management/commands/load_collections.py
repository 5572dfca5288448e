"""python manage.py load_collections collections/ - validate every seed record, then load all in one go."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from archive.catalogue.seed.source import SourceError, read_source
from archive.catalogue.seed.validation import validate
from archive.catalogue.seed.writer import SeedWriter


class Command(BaseCommand):
    help = (
        "Load the curated collections from a folder (see collections/README.md). Every record is validated "
        "first; if any is invalid nothing is loaded. A second run updates records, never duplicates them."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="The collections folder, e.g. collections/")
        parser.add_argument("--check", action="store_true", help="Only validate; write nothing.")

    def handle(self, *args, folder: Path, check: bool, verbosity: int, **options):
        try:
            source = read_source(folder)
        except SourceError as error:
            raise CommandError(f"Cannot read the collections: {error}") from error
        records = sum(len(collection.items) for collection in source.collections)
        self.stdout.write(f"Validating {records} records in {len(source.collections)} collections...")
        problems = validate(source)
        if problems:
            for problem in problems:
                self.stderr.write(f"  {problem}")
            raise CommandError(
                f"{len(problems)} problem(s) found; nothing was loaded. Fix the records above and run again."
            )
        if check:
            self.stdout.write(self.style.SUCCESS("All records are valid."))
            return
        report = self.stdout.write if verbosity >= 1 else (lambda _line: None)
        writer = SeedWriter(source, report)
        with transaction.atomic():
            writer.write()
        counts = ", ".join(f"{number} {outcome}" for outcome, number in writer.counts.items())
        self.stdout.write(self.style.SUCCESS(f"Loaded {records} items ({counts})."))
