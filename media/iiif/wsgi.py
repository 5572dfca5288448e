"""A WSGI application in front of the site that sends anonymous IIIF Image API requests straight to the view.

Viewers ask for hundreds of tiles per image; the site's full middleware stack (sessions, locale, CSRF,
authentication, messages, redirects) costs more than serving a cached tile. A request under
/iiif/2/ or /iiif/3/ that carries no session cookie cannot be anyone's but the public's, so it goes
through Django's own handler with only the middleware that shapes its answer: security headers (and
the HTTPS redirect), host validation, and X-Frame-Options. The view is the same one the site routes
to, so the answers are the same but for the locale middleware's `Vary: Accept-Language` and
`Content-Language`, which describe pages, not pixels (and would split shared caches by language).
Anything with a session cookie, and every other path, goes to the site unchanged.

Cheaper still, a warm tile: a GET or HEAD of a stored tile (or cached derivative) of an image this worker
remembers as public (media/iiif/served.py) is answered straight from the WSGI environ, without a request or
response object, with the headers the route above would send (`warm_tile`). Everything else, including
conditional requests and any doubt about the host or the scheme, takes the route above.
"""

import re
from functools import lru_cache

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.handlers.exception import convert_exception_to_response
from django.core.handlers.wsgi import WSGIHandler, get_path_info
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port, validate_host
from django.utils.module_loading import import_string

from media.iiif import cache, views
from media.iiif.errors import IIIFError
from media.iiif.formats import FORMATS
from media.iiif.parse import ImageRequest, parse
from media.iiif.plan import plan
from media.iiif.served import public_answers
from media.iiif.service import geometry_of, limits
from media.iiif.tiff_tiles import tile_copy

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
            answer = warm_tile(environ)
            if answer is not None:
                start_response("200 OK", answer[0])
                return Body((answer[1],))
            return self.image_api(environ, start_response)
        return self.site(environ, start_response)


class Body(tuple):
    """A response body with the close() that WSGI servers (and Django's own responses) offer."""

    def close(self) -> None:
        pass


def is_anonymous_image_request(environ: dict) -> bool:
    if not IMAGE_API_PATH.match(get_path_info(environ)):
        return False
    return settings.SESSION_COOKIE_NAME + "=" not in environ.get("HTTP_COOKIE", "")


# Conditional requests go the full way: Django decides 304s (django.utils.cache.get_conditional_response).
CONDITIONAL_KEYS = frozenset(
    ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_MATCH", "HTTP_IF_UNMODIFIED_SINCE")
)


def warm_tile(environ: dict) -> tuple[list[tuple[str, str]], bytes] | None:
    """Headers and body of a stored tile of a remembered public image, or None for the Django route."""
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD") or not CONDITIONAL_KEYS.isdisjoint(environ):
        return None
    secure = is_secure(environ)
    if not plain_route_settings() or (settings.SECURE_SSL_REDIRECT and not secure) or not host_allowed(environ):
        return None
    match = IMAGE_API_PATH.match(get_path_info(environ))
    try:
        parsed = parse(match["version"], match["path"])
        served = public_answers.recall(parsed.identifier) if isinstance(parsed, ImageRequest) else None
        if served is None:
            return None
        render_plan = plan(parsed, geometry_of(served.pyramid), limits())
        key = cache.cache_key(parsed.version, served.checksum, render_plan.canonical)
        data = tile_copy(served.pyramid, render_plan) or cache.get(key)
    except (IIIFError, FileNotFoundError):
        return None
    if data is None:
        return None
    headers = {"Content-Type": FORMATS[render_plan.format].media_type}
    views.set_common_headers(headers, f'"{key[:32]}"', served)
    headers["Link"] = views.link_header(parsed, render_plan)
    headers["Content-Length"] = str(len(data))
    headers.update(lean_middleware_headers(secure))
    return list(headers.items()), b"" if environ["REQUEST_METHOD"] == "HEAD" else data


def plain_route_settings() -> bool:
    """Settings under which CommonMiddleware and host validation could answer otherwise go the full way."""
    return not (
        settings.DEBUG or settings.USE_X_FORWARDED_HOST or settings.PREPEND_WWW or settings.DISALLOWED_USER_AGENTS
    )


def is_secure(environ: dict) -> bool:
    """As HttpRequest.is_secure(): the trusted proxy's header when there is one, else the WSGI scheme."""
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure_value = settings.SECURE_PROXY_SSL_HEADER
        value = environ.get(header)
        if value is not None:
            return value.split(",", 1)[0].strip() == secure_value
    return environ.get("wsgi.url_scheme") == "https"


def host_allowed(environ: dict) -> bool:
    host = environ.get("HTTP_HOST")
    return bool(host) and _host_allowed(host, tuple(settings.ALLOWED_HOSTS))


@lru_cache(maxsize=64)
def _host_allowed(host: str, allowed_hosts: tuple[str, ...]) -> bool:
    domain, _port = split_domain_port(host)
    return bool(domain) and validate_host(domain, allowed_hosts)


def lean_middleware_headers(secure: bool) -> dict[str, str]:
    """What SecurityMiddleware and XFrameOptionsMiddleware add to an image answer (LEAN_MIDDLEWARE)."""
    headers = {}
    if settings.SECURE_HSTS_SECONDS and secure:
        headers["Strict-Transport-Security"] = (
            f"max-age={settings.SECURE_HSTS_SECONDS}"
            + ("; includeSubDomains" if settings.SECURE_HSTS_INCLUDE_SUBDOMAINS else "")
            + ("; preload" if settings.SECURE_HSTS_PRELOAD else "")
        )
    if settings.SECURE_CONTENT_TYPE_NOSNIFF:
        headers["X-Content-Type-Options"] = "nosniff"
    policy = settings.SECURE_REFERRER_POLICY
    if policy:
        headers["Referrer-Policy"] = ",".join(
            [value.strip() for value in policy.split(",")] if isinstance(policy, str) else policy
        )
    if settings.SECURE_CROSS_ORIGIN_OPENER_POLICY:
        headers["Cross-Origin-Opener-Policy"] = settings.SECURE_CROSS_ORIGIN_OPENER_POLICY
    headers["X-Frame-Options"] = getattr(settings, "X_FRAME_OPTIONS", "DENY").upper()
    return headers
