"""python manage.py media_check [--fix] - files without rows and rows without files in the media storage."""

from django.core.management.base import BaseCommand, CommandError

from archive.core import media_consistency


class Command(BaseCommand):
    help = (
        "Report stored files that no record refers to (originals, renditions, pyramids, spreadsheets, parked "
        "uploads) and images whose original is missing. --fix removes the unreferenced files; a missing "
        "original has to be uploaded again. Exits non-zero while anything is left to mend."
    )

    def add_arguments(self, parser):
        parser.add_argument("--fix", action="store_true", help="Remove files that no record refers to.")

    def handle(self, *args, fix: bool, **options):
        report = media_consistency.check()
        for name in report.orphan_files:
            self.stdout.write(f"file without a record: {name}")
        for checksum in report.orphan_pyramids:
            self.stdout.write(f"pyramid of no image: {checksum}")
        for image, pages in report.missing_originals:
            shown = f" (shown on {', '.join(pages)})" if pages else ""
            self.stdout.write(f"image without its original: {image.iiif_identifier} (id {image.pk}){shown}")
        if fix and (report.orphan_files or report.orphan_pyramids):
            media_consistency.fix(report)
            self.stdout.write(
                f"Removed {len(report.orphan_files)} file(s) and {len(report.orphan_pyramids)} pyramid(s)."
            )
            report.orphan_files, report.orphan_pyramids = [], []
        if report.clean:
            self.stdout.write(self.style.SUCCESS("The media storage and the records agree."))
            return
        hint = "" if fix else " Run with --fix to remove the files that no record refers to."
        raise CommandError(f"The media storage and the records disagree.{hint}")
