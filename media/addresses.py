"""The image service's URLs, built here and nowhere else: `{IIIF_BASE_URL}/{version}/{identifier}`, and an
image request under it. Templates, manifests, embeds, exports, OAI/EDM, the viewers' config and the ids in
info.json all come from `image_service_url`, so what a viewer is given is what info.json says.

The identifier is percent-encoded as one path segment (Image API 3.0 section 9): "/" is %2F, "+" %2B, a
space %20, "ė" %C4%97; the server decodes it back before routing. Absolute, from IIIF_BASE_URL rather than
reverse(), as the image service may sit on a host of its own.
"""

from functools import lru_cache
from urllib.parse import quote

from django.conf import settings


def image_service_url(identifier: str, version: str = "3") -> str:
    """The image service's base URI (its `id` in info.json and in manifests)."""
    return _service_url(settings.IIIF_BASE_URL, version, identifier)


@lru_cache(maxsize=1024)
def _service_url(base_url: str, version: str, identifier: str) -> str:
    return f"{base_url}/{version}/{quote(identifier, safe='')}"


def image_url(
    identifier: str,
    region: str = "full",
    size: str = "max",
    quality: str = "default",
    fmt: str = "jpg",
    version: str = "3",
) -> str:
    """One image request, e.g. a detail: region "x,y,w,h", size "!800,800"; never rotated."""
    return f"{image_service_url(identifier, version)}/{region}/{size}/0/{quality}.{fmt}"
