"""Keeps pyramids in step with originals, whichever way an image was saved (admin, loader, shell)."""

from django.db import transaction

from media.iiif.tile_files import discard_tiles
from media.models import DigitizedImage, PyramidStatus
from media.storage import discard_pyramid_files


def schedule_pyramid(sender, instance: DigitizedImage, raw: bool = False, **kwargs) -> None:
    if raw or (instance.checksum and instance.pyramid_checksum == instance.checksum):
        return
    from media.tasks import build_pyramid_task

    if instance.pyramid_status != PyramidStatus.PENDING:
        DigitizedImage.objects.filter(pk=instance.pk).update(pyramid_status=PyramidStatus.PENDING)
        instance.pyramid_status = PyramidStatus.PENDING
    build_pyramid_task.enqueue(instance.pk)


def remove_unused_pyramid(sender, instance: DigitizedImage, **kwargs) -> None:
    """Pyramids are shared by images with the same original; the last one out removes it."""
    discard_pyramid(instance.checksum)


def discard_pyramid(checksum: str) -> None:
    """Remove the pyramid of a replaced or deleted original unless another image still has it."""
    if checksum and not DigitizedImage.objects.filter(checksum=checksum).exists():
        discard_pyramid_files(checksum)
        discard_tiles(checksum)


def public_tiles_changed(sender=None, raw: bool = False, **kwargs) -> None:
    """Signal receiver for any change that may alter access: public tile trees follow once it is committed."""
    if raw:
        return
    transaction.on_commit(queue_public_tiles_sync)


def queue_public_tiles_sync() -> None:
    from media.tasks import sync_public_tiles_task

    sync_public_tiles_task.enqueue()


def page_deleted_tiles(sender, instance=None, **kwargs) -> None:
    from wagtail.models import Page

    if isinstance(instance, Page):
        public_tiles_changed()
