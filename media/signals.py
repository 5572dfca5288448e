"""Keeps pyramids in step with originals, whichever way an image was saved (admin, loader, shell)."""

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
