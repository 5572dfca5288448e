"""Values every template needs."""

from django.conf import settings

from archive.core.site_names import site_name


def site_context(request) -> dict:
    return {
        "site_name": site_name(),
        "public_base_url": settings.PUBLIC_BASE_URL,
        "map_tile_url": settings.MAP_TILE_URL,
        "map_tile_attribution": settings.MAP_TILE_ATTRIBUTION,
    }
