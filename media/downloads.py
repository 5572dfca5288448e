"""Editors download originals: through a short-lived signed URL of the private bucket, or from local disk.

The public never gets an original's address; the IIIF service is its way to the pixels.
"""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from wagtail.permissions import policy_registry

from media.models import DigitizedImage
from media.storage import is_remote


def download_original(request: HttpRequest, image_id: int) -> HttpResponse:
    image = get_object_or_404(DigitizedImage, pk=image_id)
    if not policy_registry.get_by_type(DigitizedImage).user_has_permission_for_instance(request.user, "change", image):
        raise PermissionDenied
    storage, name = image.file.storage, image.file.name
    filename = Path(name).name
    if is_remote(storage):
        url = storage.url(
            name,
            parameters={"ResponseContentDisposition": f'attachment; filename="{filename}"'},
            expire=settings.S3_SIGNED_URL_SECONDS,
        )
        response = HttpResponseRedirect(url)
    else:
        response = FileResponse(storage.open(name, "rb"), as_attachment=True, filename=filename)
    # The signed address is the editor's alone, and short-lived: no cache may keep it.
    response["Cache-Control"] = "private, no-store"
    return response
