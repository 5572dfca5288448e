"""Editors download originals: from local disk, or from the private bucket in one of two ways.

- "redirect" (ORIGINAL_DOWNLOADS): the browser goes to a short-lived URL signed for S3_PUBLIC_ENDPOINT_URL, the
  S3 host browsers reach (a signature covers the host, so it is signed for that host, not the servers' own
  S3_ENDPOINT_URL). That host must be reachable by editors' browsers.
- "stream": the site passes the original through, chunk by chunk; the S3 endpoint may stay private.

The public never gets an original's address; the IIIF service is its way to the pixels.
"""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.storage import Storage
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.module_loading import import_string
from wagtail.permissions import policy_registry

from media.models import DigitizedImage
from media.storage import is_remote

STREAM_CHUNK_BYTES = 1024 * 1024


def download_original(request: HttpRequest, image_id: int) -> HttpResponse:
    image = get_object_or_404(DigitizedImage, pk=image_id)
    if not policy_registry.get_by_type(DigitizedImage).user_has_permission_for_instance(request.user, "change", image):
        raise PermissionDenied
    storage, name = image.file.storage, image.file.name
    filename = Path(name).name
    if not is_remote(storage):
        response = FileResponse(storage.open(name, "rb"), as_attachment=True, filename=filename)
    elif settings.ORIGINAL_DOWNLOADS == "stream":
        response = streamed(storage, name, filename)
    else:
        response = HttpResponseRedirect(signed_url(storage, name, filename))
    # The signed address is the editor's alone, and short-lived: no cache may keep it, nor the original.
    response["Cache-Control"] = "private, no-store"
    return response


def signed_url(storage: Storage, name: str, filename: str) -> str:
    """A URL signed for the host browsers use: a copy of the storage pointed at S3_PUBLIC_ENDPOINT_URL (signing
    makes no request, so that host need not be reachable from the server)."""
    public = settings.S3_PUBLIC_ENDPOINT_URL
    if public and public != storage.endpoint_url:
        path, args, kwargs = storage.deconstruct()
        storage = import_string(path)(*args, **{**kwargs, "endpoint_url": public})
    return storage.url(
        name,
        parameters={"ResponseContentDisposition": f'attachment; filename="{filename}"'},
        expire=settings.S3_SIGNED_URL_SECONDS,
    )


def streamed(storage: Storage, name: str, filename: str) -> FileResponse:
    """The object's body straight from S3 to the client (the storage's own file object would first hold the
    whole original in memory or on disk)."""
    found = storage.bucket.Object(name).get()
    response = FileResponse(found["Body"], as_attachment=True, filename=filename)
    response.block_size = STREAM_CHUNK_BYTES
    response["Content-Length"] = str(found["ContentLength"])
    return response
