"""The only way into the media storage by a /media/ URL: Wagtail's renditions (admin thumbnails, choosers),
each served after asking the access policy about the image it was made from.

Originals, pyramids, the derivative cache, uploaded spreadsheets and parked uploads have no URL at all:
the public reaches pixels through the IIIF service, editors reach originals through signed downloads.
Every other path answers the same 404 as a file that does not exist, so names cannot be probed.
"""

import mimetypes
import posixpath

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from media.access import get_access_policy
from media.models import DigitizedRendition

NOT_FOUND = "No image file at this address."


@require_safe
def rendition_file(request: HttpRequest, path: str) -> HttpResponse:
    name = posixpath.normpath(path)
    if name != path or name.startswith(("/", "..")):
        raise Http404(NOT_FOUND)
    rendition = DigitizedRendition.objects.select_related("image").filter(file=name).first()
    if rendition is None or not get_access_policy().can_view(request, rendition.image):
        raise Http404(NOT_FOUND)
    storage = rendition.file.storage
    try:
        handle = storage.open(name, "rb")
    except FileNotFoundError:
        raise Http404(NOT_FOUND) from None
    response = FileResponse(handle, content_type=mimetypes.guess_type(name)[0] or "application/octet-stream")
    # A draft's thumbnail is for the editor who asked: no shared cache may keep any of them.
    response["Cache-Control"] = "private, max-age=300"
    response["X-Content-Type-Options"] = "nosniff"
    return response
