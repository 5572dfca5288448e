"""python manage.py build_pyramids [--failed] - build the zoom tiles that are still missing, here and now."""

from django.core.management.base import BaseCommand, CommandError

from media.models import DigitizedImage, PyramidStatus
from media.tasks import ensure_pyramid


class Command(BaseCommand):
    help = (
        "Build the IIIF pyramids of images still pending (for instance because the media storage was down "
        "when their build ran); with --failed, also try again those that failed. Exits non-zero if any "
        "pyramid is still not ready."
    )

    def add_arguments(self, parser):
        parser.add_argument("--failed", action="store_true", help="Also retry pyramids whose build failed.")

    def handle(self, *args, failed: bool, **options):
        statuses = [PyramidStatus.PENDING, PyramidStatus.FAILED] if failed else [PyramidStatus.PENDING]
        images = list(DigitizedImage.objects.filter(pyramid_status__in=statuses).order_by("pk"))
        if not images:
            self.stdout.write("No pyramid is waiting to be built.")
            return
        not_ready = []
        for position, image in enumerate(images, start=1):
            outcome = ensure_pyramid(image)
            self.stdout.write(f"[{position}/{len(images)}] {image.iiif_identifier}: {outcome}")
            if outcome != PyramidStatus.READY:
                not_ready.append(f"{image.iiif_identifier} ({image.pyramid_error or outcome})")
        if not_ready:
            raise CommandError(f"{len(not_ready)} pyramid(s) are not ready: {', '.join(not_ready)}")
        self.stdout.write(self.style.SUCCESS(f"Built {len(images)} pyramid(s)."))
