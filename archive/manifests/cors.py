"""Every answer under /iiif/ is readable from any origin: documents and images, and errors too.

The views set their own CORS headers on what they serve; a 404, a 400 from the request limits or a
redirect is made elsewhere and had none, so a viewer on another site saw a network error instead of
the reason. This middleware, outermost, adds `Access-Control-Allow-Origin: *` where a view did not.
"""

from django.http import HttpRequest, HttpResponse

IIIF_PREFIX = "/iiif/"


class IIIFCorsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path_info.startswith(IIIF_PREFIX) and "Access-Control-Allow-Origin" not in response:
            response["Access-Control-Allow-Origin"] = "*"
        return response
