from django.apps import AppConfig


class MediaConfig(AppConfig):
    name = "media"
    verbose_name = "Digitized images"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.conf import settings
        from PIL import Image

        from media import signal_handlers

        signal_handlers.register_signal_handlers()
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
