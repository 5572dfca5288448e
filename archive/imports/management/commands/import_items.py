"""python manage.py import_items FILE [--dry-run] [--valid-only] - item metadata from a CSV or XLSX file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archive.imports.apply import apply_plan
from archive.imports.plan import ImportPlan, plan_import
from archive.imports.table import TableError, read_table
from archive.imports.template import template_csv


class Command(BaseCommand):
    help = (
        "Import item metadata from a CSV or XLSX file with the template's columns (see "
        "`import_items --template`). Rows update items by inventory number. Every row is checked first; "
        "if any row has an error nothing is saved, unless --valid-only is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", type=Path, help="The .csv or .xlsx file.")
        parser.add_argument("--dry-run", action="store_true", help="Only show what would change; save nothing.")
        parser.add_argument("--valid-only", action="store_true", help="Import the valid rows, skip the others.")
        parser.add_argument("--template", action="store_true", help="Print the CSV template and exit.")

    def handle(self, *args, file: Path | None, dry_run: bool, valid_only: bool, template: bool, **options):
        if template:
            self.stdout.write(template_csv(), ending="")
            return
        if file is None:
            raise CommandError("Name the file to import, e.g. import_items items.csv (or --template).")
        try:
            plan = plan_import(read_table(file.read_bytes(), file.name), str(file))
        except FileNotFoundError as error:
            raise CommandError(f"{file}: no such file") from error
        except TableError as error:
            raise CommandError(f"{file}: {error}") from error
        self.print_plan(plan)
        if plan.file_problems:
            raise CommandError(f"{file}: the file cannot be imported; nothing was saved.")
        if dry_run:
            self.stdout.write(self.style.SUCCESS("Dry run: nothing was saved."))
            return
        if plan.has_errors and not valid_only:
            raise CommandError("Some rows have errors; nothing was saved. Fix them, or rerun with --valid-only.")
        counts = apply_plan(plan, self.stdout.write, valid_only=valid_only)
        summary = ", ".join(f"{number} {outcome}" for outcome, number in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Imported {len(plan.valid_rows)} rows ({summary})."))

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
