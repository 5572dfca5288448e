"""Values every template needs."""

from django.conf import settings


def site_context(request) -> dict:
    return {"site_name": settings.WAGTAIL_SITE_NAME, "public_base_url": settings.PUBLIC_BASE_URL}
