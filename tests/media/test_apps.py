"""What the media app sets up at start (media/apps.py)."""

import pyvips

from media.apps import bound_libvips_caches

CACHE_SETTINGS = ("IIIF_VIPS_CACHE_MAX_OPERATIONS", "IIIF_VIPS_CACHE_MAX_BYTES", "IIIF_VIPS_CACHE_MAX_FILES")


def libvips_caches() -> tuple[int, int, int]:
    return pyvips.cache_get_max(), pyvips.cache_get_max_mem(), pyvips.cache_get_max_files()


def test_libvips_caches_are_bounded_from_settings_at_start(settings):
    assert libvips_caches() == tuple(getattr(settings, name) for name in CACHE_SETTINGS)
    original = libvips_caches()
    for name, value in zip(CACHE_SETTINGS, (7, 3 * 1024**2, 5), strict=True):
        setattr(settings, name, value)
    try:
        bound_libvips_caches()
        assert libvips_caches() == (7, 3 * 1024**2, 5)
    finally:
        for name, value in zip(CACHE_SETTINGS, original, strict=True):
            setattr(settings, name, value)
        bound_libvips_caches()
