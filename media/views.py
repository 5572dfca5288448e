"""The IIIF Image API endpoints. The view wires parse -> plan -> render -> encode and sets HTTP headers;
every refusal is a short plain-text answer with a 4xx status, or 503 with Retry-After when the service
cannot afford the request now.

A request flows: parse (media/iiif/parse.py) -> look up the image and its pyramid -> plan against it
(plan.py: region, size, rotation, and the output budget) -> a stored tile, a cached derivative, or a
render (render.py) inside a render slot (slots.py) and a time budget (deadline.py) -> encode (encode.py).
A format is added in media/iiif/formats.py and encode.py; an operation in parse, plan and render.
"""

import hashlib
import json
import logging

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response
from django.views.decorators.csrf import csrf_exempt

from media.access import get_access_policy
from media.addresses import image_service_url
from media.iiif import cache
from media.iiif.deadline import encode_within
from media.iiif.errors import IIIFError, NotFound, Unavailable
from media.iiif.formats import FORMATS
from media.iiif.info import CONTEXT_2, CONTEXT_3, PROFILE_2, PROFILE_3, info
from media.iiif.parse import BaseRedirect, ImageRequest, InfoRequest, parse
from media.iiif.plan import Geometry, Limits, RenderPlan, plan
from media.iiif.render import render
from media.iiif.slots import slot_for
from media.models import DigitizedImage, PyramidStatus
from media.pyramid import Pyramid, open_level, open_pyramid, stored_tile
from media.served import ServedImage, public_answers
from media.storage import local_pyramid, storage_errors

logger = logging.getLogger(__name__)
ALLOWED_METHODS = "GET, HEAD, OPTIONS"
PROFILES = {"2": PROFILE_2, "3": PROFILE_3}
CONTEXTS = {"2": CONTEXT_2, "3": CONTEXT_3}


@csrf_exempt
def iiif(request: HttpRequest, version: str, path: str) -> HttpResponse:
    if request.method == "OPTIONS":
        return preflight(request)
    if request.method not in ("GET", "HEAD"):
        response = plain_text(405, "method not allowed")
        response["Allow"] = ALLOWED_METHODS
        return response
    try:
        parsed = parse(version, path)
        served = look_up(request, parsed)
        if served is None:
            return redirect_to_info(parsed)
        if isinstance(parsed, InfoRequest):
            response = info_response(request, parsed, served)
        else:
            try:
                response = image_response(request, parsed, served)
            except FileNotFoundError:
                # The node's pyramid cache let the file go since this worker remembered it: fetch it again.
                public_answers.forget(parsed.identifier)
                response = image_response(request, parsed, look_up(request, parsed))
    except IIIFError as error:
        return refusal(error)
    if request.method == "HEAD":
        response["Content-Length"] = str(len(response.content))
        response.content = b""
    return response


def look_up(request: HttpRequest, parsed: ImageRequest | InfoRequest | BaseRedirect) -> ServedImage | None:
    """The viewable image with its pyramid, or None for a base URI of a viewable image (which needs no
    pyramid). A public image seen recently is answered from this worker's memory."""
    served = public_answers.recall(parsed.identifier)
    if served is None:
        stamp = public_answers.stamp()
        image, public = find_viewable_image(request, parsed.identifier)
        if isinstance(parsed, BaseRedirect):
            return None
        served = ServedImage(image.checksum, ready_pyramid(image), public)
        public_answers.keep(parsed.identifier, served, stamp)
    return None if isinstance(parsed, BaseRedirect) else served


def find_viewable_image(request: HttpRequest, identifier: str) -> tuple[DigitizedImage, bool]:
    """The image and whether everyone may see it. Images the request may not see are unknown to it."""
    image = DigitizedImage.objects.filter(iiif_identifier=identifier).first()
    if image is None:
        raise NotFound("unknown identifier")
    policy = get_access_policy()
    # Asking first as an anonymous visitor leaves the session untouched for public images, so their
    # responses carry no `Vary: Cookie` and shared caches may keep them.
    if policy.can_view(AnonymousRequest(request), image):
        return image, True
    if policy.can_view(request, image):
        return image, False
    raise NotFound("unknown identifier")


class AnonymousRequest:
    """The same request as seen by someone who is not logged in."""

    def __init__(self, request: HttpRequest):
        self._request = request
        self.user = AnonymousUser()

    def __getattr__(self, name: str):
        return getattr(self._request, name)


def ready_pyramid(image: DigitizedImage) -> Pyramid:
    if image.pyramid_status == PyramidStatus.READY and image.pyramid_checksum == image.checksum:
        try:
            return open_pyramid(local_pyramid(image.checksum))
        except FileNotFoundError:
            pass
        except storage_errors():
            logger.warning("pyramid of %s could not be fetched from the media storage", image.checksum, exc_info=True)
            raise PyramidPending("image storage is not reachable, try again shortly") from None
    if image.pyramid_status == PyramidStatus.FAILED:
        raise NotFound("image is not available")
    raise PyramidPending("image is being prepared, try again shortly")


class PyramidPending(Unavailable):
    pass


def limits() -> Limits:
    return Limits(
        settings.IIIF_MAX_WIDTH, settings.IIIF_MAX_HEIGHT, settings.IIIF_MAX_AREA, settings.IIIF_RENDER_MAX_BYTES
    )


def geometry_of(pyramid: Pyramid) -> Geometry:
    return Geometry(
        pyramid.width, pyramid.height, tuple(pyramid.scale_factors), (pyramid.tile_width, pyramid.tile_height)
    )


def service_id(version: str, identifier: str) -> str:
    return image_service_url(identifier, version)


def redirect_to_info(parsed: BaseRedirect) -> HttpResponse:
    response = HttpResponse(status=303)
    response["Location"] = f"{service_id(parsed.version, parsed.identifier)}/info.json"
    response["Access-Control-Allow-Origin"] = "*"
    return response


def info_response(request: HttpRequest, parsed: InfoRequest, served: ServedImage) -> HttpResponse:
    pyramid = served.pyramid
    document = info(
        parsed.version,
        service_id(parsed.version, parsed.identifier),
        geometry_of(pyramid),
        (pyramid.tile_width, pyramid.tile_height),
        limits(),
    )
    body = json.dumps(document, indent=2).encode()
    wants_ld = "application/ld+json" in request.headers.get("Accept", "")
    content_type = f'application/ld+json;profile="{CONTEXTS[parsed.version]}"' if wants_ld else "application/json"
    etag = '"' + hashlib.sha256(body + content_type.encode()).hexdigest()[:32] + '"'
    response = conditional(request, etag, pyramid) or HttpResponse(body, content_type=content_type)
    set_common_headers(response, etag, served)
    response["Vary"] = "Accept"
    return response


def image_response(request: HttpRequest, parsed: ImageRequest, served: ServedImage) -> HttpResponse:
    """A stored tile or a cached derivative costs one file read; only a miss renders."""
    render_plan = plan(parsed, geometry_of(served.pyramid), limits())
    key = cache.cache_key(parsed.version, served.checksum, render_plan.canonical)
    etag = f'"{key[:32]}"'
    response = conditional(request, etag, served.pyramid)
    if response is None:
        data = stored_tile(served.pyramid, render_plan) or cache.get(key)
        if data is None:
            data = render_answer(request, served, render_plan)
            cache.put(key, data)
        response = HttpResponse(data, content_type=FORMATS[render_plan.format].media_type)
    set_common_headers(response, etag, served)
    response["Link"] = link_header(parsed, render_plan)
    return response


def link_header(parsed: ImageRequest, render_plan: RenderPlan) -> str:
    canonical = f"{service_id(parsed.version, parsed.identifier)}/{render_plan.canonical}"
    return f'<{PROFILES[parsed.version]}>;rel="profile", <{canonical}>;rel="canonical"'


def render_answer(request: HttpRequest, served: ServedImage, render_plan: RenderPlan) -> bytes:
    """The one step that costs pixels: it waits for a render slot, and is abandoned past
    IIIF_RENDER_TIMEOUT_SECONDS or when the client has gone."""
    with slot_for(render_plan):
        image = render(render_plan, open_level(served.pyramid, render_plan.page))
        # gunicorn hands over the client's socket; without it only the time budget stops the work.
        client = request.environ.get("gunicorn.socket")
        try:
            return encode_within(image, render_plan.format, settings.IIIF_RENDER_TIMEOUT_SECONDS, client)
        except Unavailable as abandoned:
            logger.warning("render of %s abandoned: %s", request.path, abandoned.reason)
            raise


def conditional(request: HttpRequest, etag: str, pyramid: Pyramid) -> HttpResponse | None:
    """A 304 when the client's copy is current; decided before any image work."""
    return get_conditional_response(request, etag=etag, last_modified=pyramid.modified_ns // 1_000_000_000)


def set_common_headers(response: HttpResponse, etag: str, served: ServedImage) -> None:
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "Link, ETag, Last-Modified"
    response["ETag"] = etag
    response["Last-Modified"] = served.last_modified
    if served.public:
        response["Cache-Control"] = f"public, max-age={settings.IIIF_PUBLIC_MAX_AGE}"
    else:
        # Drafts shown to editors must never land in a shared cache.
        response["Cache-Control"] = "private, no-store"


def preflight(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(status=204)
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
    requested = request.headers.get("Access-Control-Request-Headers")
    response["Access-Control-Allow-Headers"] = requested or "*"
    response["Access-Control-Max-Age"] = "86400"
    response["Allow"] = ALLOWED_METHODS
    return response


def refusal(error: IIIFError) -> HttpResponse:
    response = plain_text(error.status, error.reason)
    if error.retry_after is not None:
        response["Retry-After"] = str(error.retry_after)
    return response


def plain_text(status: int, reason: str) -> HttpResponse:
    response = HttpResponse(reason + "\n", status=status, content_type="text/plain; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "no-store"
    return response
