"""A media storage failure that no view handled answers 503 with what happened, not a bare server error.

The admin's upload form checks the storage first, but the storage can fail between that check and the
save (the race named in the operations notes). Saving the file comes before writing the image's row, so
such a request has stored nothing and the editor can simply try again.
"""

import logging

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from media.storage import is_storage_failure, storage_message

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 60


class StorageFailureMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not is_storage_failure(exception):
            return None
        logger.error("media storage failed during %s %s", request.method, request.path, exc_info=exception)
        context = {"retry_after": RETRY_AFTER_SECONDS, "message": storage_message(exception)}
        body = render_to_string("media/storage_unavailable.html", context, request)
        response = HttpResponse(body, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
