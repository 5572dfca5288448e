"""python manage.py ingest_image PATH --identifier ID [--title T] [--public]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from media.ingest import IngestError, ingest_image


class Command(BaseCommand):
    help = "Verify an image file, store it as a digitized image and build its IIIF pyramid."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The image file to ingest.")
        parser.add_argument("--identifier", required=True, help="IIIF identifier (letters, digits, . _ ~ + : -).")
        parser.add_argument("--title", help="Title in the admin; defaults to the file name.")
        parser.add_argument("--public", action="store_true", help="Serve the image even with no published page.")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Replace the original of an existing image with this identifier, on published pages too.",
        )

    def handle(self, *args, path: Path, identifier: str, title: str | None, public: bool, replace: bool, **options):
        self.stdout.write(f"Verifying {path} ...")
        try:
            image = ingest_image(
                path, identifier=identifier, title=title or path.stem, is_public=public, replace=replace
            )
        except IngestError as error:
            raise CommandError(f"refused {path}: {error.reason}") from None
        self.stdout.write(
            self.style.SUCCESS(
                f"{image.iiif_identifier}: {image.width}x{image.height}, sha256 {image.checksum[:12]}..., "
                f"pyramid {image.pyramid_status}" + (f" ({image.pyramid_error})" if image.pyramid_error else "")
            )
        )
