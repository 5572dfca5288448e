"""Values every template needs."""

from django.conf import settings


def site_context(request) -> dict:
    return {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "public_base_url": settings.PUBLIC_BASE_URL,
        "map_tile_url": settings.MAP_TILE_URL,
        "map_tile_attribution": settings.MAP_TILE_ATTRIBUTION,
    }
