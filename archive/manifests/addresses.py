"""Absolute URIs of IIIF documents, from settings.PUBLIC_BASE_URL (image services: media/addresses.py).

Slugs may hold letters beyond ASCII (Wagtail keeps "ūkis" as it is): they are percent-encoded here, so
every id is a plain URI that a viewer fetches back unchanged.
"""

from urllib.parse import quote

from django.conf import settings


def base_url() -> str:
    return settings.PUBLIC_BASE_URL


def manifest_url(inventory_number: str) -> str:
    return f"{base_url()}/iiif/manifest/{quote(inventory_number)}"


def collection_url(slug: str) -> str:
    return f"{base_url()}/iiif/collection/{quote(slug)}"


def exhibition_url(slug: str) -> str:
    return f"{base_url()}/iiif/exhibition/{quote(slug)}"
