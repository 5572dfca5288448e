"""The service as configured: its output limits, the address of an image's service, and the geometry the
plan reads from a pyramid. Read by the view, the WSGI fast path and the tile files alike."""

from functools import lru_cache
from urllib.parse import quote

from django.conf import settings

from media.iiif.plan import Geometry, Limits
from media.pyramid import Pyramid


def limits() -> Limits:
    return Limits(
        settings.IIIF_MAX_WIDTH, settings.IIIF_MAX_HEIGHT, settings.IIIF_MAX_AREA, settings.IIIF_RENDER_MAX_BYTES
    )


def geometry_of(pyramid: Pyramid) -> Geometry:
    return Geometry(
        pyramid.width, pyramid.height, tuple(pyramid.scale_factors), (pyramid.tile_width, pyramid.tile_height)
    )


def service_id(version: str, identifier: str) -> str:
    return _service_id(settings.IIIF_BASE_URL, version, identifier)


@lru_cache(maxsize=1024)
def _service_id(base_url: str, version: str, identifier: str) -> str:
    return f"{base_url}/{version}/{quote(identifier, safe='')}"
