"""Which images a request may see. media/ asks; the archive answers through settings.MEDIA_ACCESS_POLICY."""

from functools import cache
from typing import Protocol

from django.conf import settings
from django.http import HttpRequest
from django.utils.module_loading import import_string


class ImageAccessPolicy(Protocol):
    def can_view(self, request: HttpRequest, image) -> bool:
        """True when this request may see the pixels and metadata of the image."""

    def shown_publicly(self, image) -> bool:
        """True when the public sees the image now: its original may not change under them."""

    # Optional: `public_images(queryset)`, the images of a queryset that shown_publicly() would accept, in
    # one query (media.iiif.public_tiles asks it after every change; without it each image is asked alone).


class PublicFlagOnly:
    """Fallback policy: only images flagged public, plus anything for staff."""

    def can_view(self, request: HttpRequest, image) -> bool:
        user = getattr(request, "user", None)
        return bool(image.is_public or (user and user.is_active and user.is_staff))

    def shown_publicly(self, image) -> bool:
        return bool(image.is_public)


@cache
def get_access_policy() -> ImageAccessPolicy:
    path = getattr(settings, "MEDIA_ACCESS_POLICY", "")
    return import_string(path)() if path else PublicFlagOnly()
