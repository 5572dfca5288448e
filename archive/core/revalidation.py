"""Public documents about items (IIIF manifests and collections, embed pages, oEmbed answers) are cached
briefly and revalidated.

Browsers keep such a document PUBLIC_DOCUMENT_MAX_AGE seconds, then ask again with its ETag: an unchanged
document costs a 304, an unpublished item a 404 (each view checks publication before it answers). An hour's
cache kept an unpublished item visible for that hour. Tiles stay long-cached: unpublishing removes them at
the front, and a browser that still holds the document cannot fetch them.
"""

import hashlib

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import quote_etag


def cache_control(public: bool) -> str:
    # Drafts shown to editors must never land in a shared cache.
    return f"public, max-age={settings.PUBLIC_DOCUMENT_MAX_AGE}" if public else "private, no-store"


def revalidated(request: HttpRequest, response: HttpResponse, public: bool = True) -> HttpResponse:
    """The response with an ETag of its body and a short cache; a 304 with the same headers when the
    client's copy is current."""
    etag = quote_etag(hashlib.sha256(response.content).hexdigest()[:32])
    response["ETag"] = etag
    response["Cache-Control"] = cache_control(public)
    return get_conditional_response(request, etag=etag, response=response) or response
