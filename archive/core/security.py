"""The Content-Security-Policy of every HTML page: scripts, styles and frames from the archive itself,
images and IIIF documents from the origins its settings name, nothing else.

Pages run no inline script (JSON for the viewers travels in `application/json` data blocks, which a
policy does not block). Styles allow 'unsafe-inline' because the viewers (OpenSeadragon, Leaflet, Mirador)
style the elements they create. The Wagtail admin keeps inline scripts of its own, so it alone may run
them. Embeds may be framed by any site (schools' pages); every other page only by the archive itself.
"""

from functools import cache
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse

ADMIN_PREFIXES = ("/admin/", "/django-admin/")


def origin(url: str) -> str | None:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") and parts.netloc else None


@cache
def policy(public_base: str, iiif_base: str, map_tiles: str, logo: str, admin: bool, framed_anywhere: bool) -> str:
    ours = " ".join(dict.fromkeys(filter(None, ("'self'", origin(public_base), origin(iiif_base)))))
    images = " ".join(dict.fromkeys(filter(None, (ours, origin(map_tiles), origin(logo), "data:", "blob:"))))
    scripts = f"{ours} 'unsafe-inline'" if admin else ours
    directives = {
        "default-src": ours,
        "script-src": scripts,
        "style-src": f"{ours} 'unsafe-inline'",
        "img-src": images,
        "connect-src": ours,
        "font-src": f"{ours} data:",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": "*" if framed_anywhere else "'self'",
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def policy_for(request: HttpRequest, response: HttpResponse) -> str:
    return policy(
        settings.PUBLIC_BASE_URL,
        settings.IIIF_BASE_URL,
        settings.MAP_TILE_URL,
        settings.ARCHIVE_PROVIDER_LOGO_URL,
        admin=request.path.startswith(ADMIN_PREFIXES),
        framed_anywhere=getattr(response, "xframe_options_exempt", False),
    )


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.get("Content-Type", "").startswith("text/html"):
            response["Content-Security-Policy"] = policy_for(request, response)
        return response
