"""The site's and the library's names in the language of the request: an English page does not carry a
Lithuanian name."""

from django.conf import settings
from django.utils.translation import get_language


def site_name(language: str | None = None) -> str:
    code = (language or get_language() or settings.LANGUAGE_CODE)[:2]
    return settings.SITE_NAMES.get(code, settings.WAGTAIL_SITE_NAME)


def provider_name(language: str | None = None) -> str:
    """The library's name in the language (the active one by default), else its Lithuanian name."""
    code = (language or get_language() or settings.LANGUAGE_CODE)[:2]
    return settings.ARCHIVE_PROVIDER_NAMES.get(code) or settings.ARCHIVE_PROVIDER_NAME
