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
        connect_access_changes()
        bound_libvips_caches()
        # libvips has checked the pixel count before Pillow (Django's and Wagtail's dimension readers)
        # sees a file; without this, Pillow refuses scans above ~179 megapixels as decompression bombs.
        Image.MAX_IMAGE_PIXELS = max(Image.MAX_IMAGE_PIXELS or 0, settings.IIIF_MAX_SOURCE_PIXELS)


def bound_libvips_caches() -> None:
    """libvips keeps recent operations per process, with their memory and open files; bounded here, once."""
    import pyvips
    from django.conf import settings

    pyvips.cache_set_max(settings.IIIF_VIPS_CACHE_MAX_OPERATIONS)
    pyvips.cache_set_max_mem(settings.IIIF_VIPS_CACHE_MAX_BYTES)
    pyvips.cache_set_max_files(settings.IIIF_VIPS_CACHE_MAX_FILES)


def connect_access_changes() -> None:
    """The access policy may read images, pages and page restrictions: any change there may turn a
    public image private, so workers forget the public answers they remember (media.iiif.served)."""
    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from media import signals
    from media.iiif import served
    from media.models import DigitizedImage

    # Workers forget their public answers (media.iiif.served); public tile files follow (media.iiif.public_tiles).
    receivers = {"access": served.access_changed, "tiles": signals.public_tiles_changed}
    for name, receiver in receivers.items():
        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(receiver, dispatch_uid=f"media-{name}-pages")
        for model in (DigitizedImage, PageViewRestriction):
            post_save.connect(receiver, sender=model, dispatch_uid=f"media-{name}-save-{model.__name__}")
            post_delete.connect(receiver, sender=model, dispatch_uid=f"media-{name}-delete-{model.__name__}")
    post_delete.connect(served.page_deleted, dispatch_uid="media-access-page-deleted")
    post_delete.connect(signals.page_deleted_tiles, dispatch_uid="media-tiles-page-deleted")
