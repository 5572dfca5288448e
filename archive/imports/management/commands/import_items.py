"""python manage.py import_items FILE [--dry-run] [--valid-only] [--publish --user NAME] - item metadata from a
CSV or XLSX file, as drafts submitted for approval unless --publish is given."""

import time
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from archive.imports.apply import ImportRefused, apply_plan
from archive.imports.export import items_csv
from archive.imports.permissions import Importer
from archive.imports.plan import ImportPlan, plan_import
from archive.imports.table import DELIMITERS, DETECT, TableError, read_table
from archive.imports.template import template_csv


class Command(BaseCommand):
    help = (
        "Import item metadata from a CSV or XLSX file with the template's columns (see `import_items --template`). "
        "Rows update items by inventory number; a column left out of the file leaves that field alone. Every row "
        "is checked first; if any row has an error nothing is saved (exit status 1), unless --valid-only is "
        "given. All rows are saved in one transaction. Items are saved as drafts and submitted for approval, "
        "unless --publish is given (which needs a --user with publish permission, or publishes as the system). "
        "Reports are in English."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", type=Path, help="The .csv or .xlsx file.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only show what would change; save nothing. Exits 1 if any row has an error.",
        )
        parser.add_argument("--valid-only", action="store_true", help="Import the valid rows, skip the others.")
        parser.add_argument(
            "--delimiter",
            choices=[DETECT, *DELIMITERS],
            default=DETECT,
            help="The CSV delimiter (default: detected from the whole file).",
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish the items at once instead of submitting drafts for approval.",
        )
        parser.add_argument("--user", help="Import as this user: their permissions apply and the history names them.")
        parser.add_argument("--template", action="store_true", help="Print the CSV template and exit.")
        parser.add_argument(
            "--export",
            action="store_true",
            help="Print every item as a CSV in the template's columns (import it back to update).",
        )

    def handle(
        self,
        *args,
        file: Path | None,
        dry_run: bool,
        valid_only: bool,
        delimiter: str,
        publish: bool,
        user: str | None,
        template: bool,
        export: bool,
        **options,
    ):
        with translation.override("en"):
            if template:
                self.stdout.write(template_csv(), ending="")
                return
            if export:
                self.stdout.write(items_csv(), ending="")
                return
            if file is None:
                raise CommandError("Name the file to import, e.g. import_items items.csv (or --template).")
            plan = self.check_file(file, delimiter, Importer(self.find_user(user)))
            if dry_run:
                self.finish_dry_run(plan)
                return
            if plan.has_errors and not valid_only:
                raise CommandError(
                    f"{plan.error_count} rows have errors; nothing was saved. Fix them, or rerun with --valid-only.",
                    returncode=1,
                )
            self.write(plan, valid_only, publish)

    def find_user(self, username: str | None):
        if username is None:
            return None
        try:
            return get_user_model().objects.get_by_natural_key(username)
        except get_user_model().DoesNotExist as error:
            raise CommandError(f"--user {username}: no such user") from error

    def check_file(self, file: Path, delimiter: str, importer: Importer) -> ImportPlan:
        try:
            plan = plan_import(read_table(file.read_bytes(), file.name, delimiter), str(file), importer)
        except FileNotFoundError as error:
            raise CommandError(f"{file}: no such file") from error
        except TableError as error:
            raise CommandError(f"{file}: {error}; nothing was saved.") from error
        self.print_plan(plan)
        if plan.file_problems:
            raise CommandError(f"{file}: the file cannot be imported; nothing was saved.")
        return plan

    def finish_dry_run(self, plan: ImportPlan) -> None:
        if plan.has_errors:
            raise CommandError(
                f"Dry run: {plan.error_count} of {len(plan.rows)} rows have errors; nothing was saved.", returncode=1
            )
        self.stdout.write(self.style.SUCCESS("Dry run: nothing was saved."))

    def write(self, plan: ImportPlan, valid_only: bool, publish: bool) -> None:
        started = time.monotonic()

        def progress(done: int, total: int) -> None:
            rate = done / max(time.monotonic() - started, 1e-6)
            self.stdout.write(f"  {done}/{total} rows ({rate:.0f} rows/s)")

        try:
            counts = apply_plan(plan, self.stdout.write, valid_only=valid_only, publish=publish, progress=progress)
        except ImportRefused as error:
            raise CommandError(f"{error}; nothing was saved.") from error
        seconds = time.monotonic() - started
        written = counts["created"] + counts["updated"]
        how = (
            "and published them"
            if publish
            else f"as drafts submitted for approval ({counts['submitted']} pages in the workflow)"
        )
        if counts.get("drafts_without_images"):
            how += (
                f"; {counts['drafts_without_images']} items have no image and were saved as drafts instead "
                "(an item goes live once it has an image)"
            )
        if counts.get("without_workflow"):
            how += f"; {counts['without_workflow']} pages have no workflow and stay drafts"
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {written} rows {how}: {counts['created']} created, {counts['updated']} updated, "
                f"{counts['unchanged']} unchanged, in {seconds:.1f} s ({written / max(seconds, 1e-6):.0f} rows/s)."
            )
        )

    def print_plan(self, plan: ImportPlan) -> None:
        for problem in plan.file_problems:
            self.stderr.write(f"  {plan.filename}: {problem}")
        for row in plan.rows:
            if row.problems:
                for problem in row.problems:
                    self.stderr.write(f"  {problem}")
            elif row.action == "update":
                self.stdout.write(f"  row {row.line} {row.inventory_number}: update {', '.join(row.changes)}")
            else:
                self.stdout.write(f"  row {row.line} {row.inventory_number}: {row.action}")
        counts = ", ".join(f"{number} {action}" for action, number in plan.counts().items())
        self.stdout.write(f"{len(plan.rows)} rows: {counts}")
