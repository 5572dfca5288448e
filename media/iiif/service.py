"""The service as configured: its output limits, the address of an image's service, and the geometry the
plan reads from a pyramid. Read by the view, the WSGI fast path and the tile files alike."""

from django.conf import settings

from media.addresses import image_service_url
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
    return image_service_url(identifier, version)
