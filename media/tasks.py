"""Background work on images: building the pyramid that the IIIF service reads."""

import logging
from datetime import timedelta

import pyvips
from django.utils import timezone
from django_tasks import task

from media.iiif.tile_files import tiles_exist, write_tiles
from media.models import DigitizedImage, PyramidStatus
from media.pyramid import build_pyramid, open_pyramid
from media.storage import (
    local_original,
    local_pyramid,
    pyramid_exists,
    pyramid_path,
    storage_errors,
    store_pyramid,
)
from media.verification import IngestError, sha256_of, verify_image
from media.work_files import remove_stale_work_files

logger = logging.getLogger(__name__)


@task()
def build_pyramid_task(image_id: int) -> str:
    """Enqueued after every new original; safe to run twice, or after the image is gone."""
    image = DigitizedImage.objects.filter(pk=image_id).first()
    if image is None:
        return "missing"
    return ensure_pyramid(image)


def ensure_pyramid(image: DigitizedImage) -> str:
    """Build the pyramid of the image's current original unless it exists; record the outcome."""
    remove_leftovers(image)
    try:
        with local_original(image) as source:
            if not image.checksum:
                # Originals that reached storage without our form (e.g. Wagtail's deferred multiple
                # upload) are checked here instead, and their failure is shown to editors.
                image.checksum = sha256_of(source)
            if not pyramid_exists(image.checksum):
                verified = verify_image(source)
                image.width, image.height = verified.width, verified.height
                build_pyramid(source, pyramid_path(image.checksum))
                store_pyramid(image.checksum)
        if not tiles_exist(image.checksum):
            write_tiles(open_pyramid(local_pyramid(image.checksum)), image.checksum)
    except (IngestError, pyvips.Error) as error:
        reason = error.reason if isinstance(error, IngestError) else str(error).strip()
        logger.warning("pyramid of image %s failed: %s", image.pk, reason)
        return _record(image, PyramidStatus.FAILED, reason)
    except storage_errors():
        # Not the image's fault: it stays pending, and the next save of the image (or a rerun) retries.
        logger.warning("pyramid of image %s waits for the media storage", image.pk, exc_info=True)
        return PyramidStatus.PENDING
    return _record(image, PyramidStatus.READY, "")


def remove_leftovers(image: DigitizedImage) -> None:
    """Work files of killed builds: copies of originals, and partial pyramids beside this one's target."""
    try:
        remove_stale_work_files([pyramid_path(image.checksum).parent] if image.checksum else [])
    except OSError:
        logger.warning("could not remove the work files of killed builds", exc_info=True)


def _record(image: DigitizedImage, status: str, reason: str) -> str:
    image.pyramid_status = status
    image.pyramid_error = reason
    image.pyramid_checksum = image.checksum
    image.save(update_fields=["checksum", "width", "height", "pyramid_status", "pyramid_error", "pyramid_checksum"])
    return status


@task()
def sync_public_tiles_task() -> str:
    """Place and remove public tile trees after a change of access (media.iiif.public_tiles)."""
    from media.iiif.public_tiles import sync_public_tiles

    added, removed = sync_public_tiles()
    return f"placed {added}, removed {removed}"


def requeue_pending_pyramids(older_than_seconds: int) -> int:
    """Queue the builds of pyramids still pending after a while: e.g. the storage was down when they ran.

    A build that is merely waiting in the queue is queued twice at worst, which costs one cheap no-op run.
    """
    cutoff = timezone.now() - timedelta(seconds=older_than_seconds)
    stuck = list(
        DigitizedImage.objects.filter(pyramid_status=PyramidStatus.PENDING, created_at__lt=cutoff).values_list(
            "pk", flat=True
        )
    )
    for image_id in stuck:
        build_pyramid_task.enqueue(image_id)
    return len(stuck)
