"""A WSGI application in front of the site that sends anonymous IIIF Image API requests straight to the view.

Viewers ask for hundreds of tiles per image; the site's full middleware stack (sessions, locale, CSRF,
authentication, messages, redirects) costs more than serving a cached tile. A request under
/iiif/2/ or /iiif/3/ that carries no session cookie cannot be anyone's but the public's, so it goes
through Django's own handler with only the middleware that shapes its answer: security headers (and
the HTTPS redirect), host validation, and X-Frame-Options. The view is the same one the site routes
to, so the answers are the same but for the locale middleware's `Vary: Accept-Language` and
`Content-Language`, which describe pages, not pixels (and would split shared caches by language).
Anything with a session cookie, and every other path, goes to the site unchanged.
"""

import re

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.handlers.exception import convert_exception_to_response
from django.core.handlers.wsgi import WSGIHandler, get_path_info
from django.http import HttpRequest, HttpResponse
from django.utils.module_loading import import_string

from media import views

IMAGE_API_PATH = re.compile(r"^/iiif/(?P<version>[23])/(?P<path>[\s\S]*)$")
LEAN_MIDDLEWARE = (
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
)


class ImageAPIHandler(WSGIHandler):
    """Django's WSGI handler with a middleware chain of its own, ending in the IIIF view."""

    def load_middleware(self, is_async: bool = False) -> None:
        self._view_middleware = []
        self._template_response_middleware = []
        self._exception_middleware = []
        handler = convert_exception_to_response(self.serve)
        for path in reversed(LEAN_MIDDLEWARE):
            handler = convert_exception_to_response(import_string(path)(handler))
        self._middleware_chain = handler

    def serve(self, request: HttpRequest) -> HttpResponse:
        match = IMAGE_API_PATH.match(request.path_info)
        request.user = AnonymousUser()
        return views.iiif(request, match["version"], match["path"])


class ImageAPIDispatch:
    def __init__(self, site):
        self.site = site
        self.image_api = ImageAPIHandler()

    def __call__(self, environ, start_response):
        if is_anonymous_image_request(environ):
            return self.image_api(environ, start_response)
        return self.site(environ, start_response)


def is_anonymous_image_request(environ: dict) -> bool:
    if not IMAGE_API_PATH.match(get_path_info(environ)):
        return False
    return settings.SESSION_COOKIE_NAME + "=" not in environ.get("HTTP_COOKIE", "")
