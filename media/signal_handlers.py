"""Keeps pyramids in step with originals, whichever way an image was saved (admin, loader, shell), and
workers' public answers and public tile files in step with access; wired by register_signal_handlers()."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

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


def register_signal_handlers() -> None:
    """Called once from MediaConfig.ready(). The access policy may read images, pages and page restrictions:
    any change there may turn a public image private, so workers forget the public answers they remember
    (media.iiif.served) and public tile files follow (media.iiif.public_tiles)."""
    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from media.iiif import served

    post_save.connect(schedule_pyramid, sender=DigitizedImage, dispatch_uid="media-pyramid")
    post_delete.connect(remove_unused_pyramid, sender=DigitizedImage, dispatch_uid="media-unused")
    receivers = {"access": served.access_changed, "tiles": public_tiles_changed}
    for name, receiver in receivers.items():
        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(receiver, dispatch_uid=f"media-{name}-pages")
        for model in (DigitizedImage, PageViewRestriction):
            post_save.connect(receiver, sender=model, dispatch_uid=f"media-{name}-save-{model.__name__}")
            post_delete.connect(receiver, sender=model, dispatch_uid=f"media-{name}-delete-{model.__name__}")
    post_delete.connect(served.page_deleted, dispatch_uid="media-access-page-deleted")
    post_delete.connect(page_deleted_tiles, dispatch_uid="media-tiles-page-deleted")
