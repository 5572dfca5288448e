from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class MediaConfig(AppConfig):
    name = "media"
    verbose_name = "Digitized images"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.conf import settings
        from PIL import Image

        from media import signals
        from media.models import DigitizedImage

        post_save.connect(signals.schedule_pyramid, sender=DigitizedImage, dispatch_uid="media-pyramid")
        post_delete.connect(signals.remove_unused_pyramid, sender=DigitizedImage, dispatch_uid="media-unused")
        # libvips has checked the pixel count before Pillow (Django's and Wagtail's dimension readers)
        # sees a file; without this, Pillow refuses scans above ~179 megapixels as decompression bombs.
        Image.MAX_IMAGE_PIXELS = max(Image.MAX_IMAGE_PIXELS or 0, settings.IIIF_MAX_SOURCE_PIXELS)
