"""Absolute URIs of IIIF documents and image services, from settings.PUBLIC_BASE_URL and IIIF_BASE_URL."""

from django.conf import settings


def base_url() -> str:
    return settings.PUBLIC_BASE_URL


def manifest_url(inventory_number: str) -> str:
    return f"{base_url()}/iiif/manifest/{inventory_number}"


def collection_url(slug: str) -> str:
    return f"{base_url()}/iiif/collection/{slug}"


def image_service_url(identifier: str) -> str:
    return f"{settings.IIIF_BASE_URL}/3/{identifier}"
