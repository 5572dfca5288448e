"""The library that provides the collections, as manifests, citations and structured data name it."""

from django.conf import settings
from django.templatetags.static import static

LOGO_STATIC_PATH = "img/logo.png"


def provider_logo_url() -> str:
    """The configured logo, or the archive's own mark served as a static file (absolute either way)."""
    return settings.ARCHIVE_PROVIDER_LOGO_URL or f"{settings.PUBLIC_BASE_URL}{static(LOGO_STATIC_PATH)}"
