"""oEmbed 1.0 (https://oembed.com/) for item pages: a `rich` response whose html is our embed iframe."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest
from django.urls import Resolver404, resolve
from django.utils import translation
from wagtail.models import Page

from archive.catalogue.models import ItemPage
from archive.core.site_names import site_name

from .viewers import EMBED_HEIGHT, EMBED_WIDTH, embed_iframe, image_url, published_item, scaled_height

THUMBNAIL_WIDTH = 400
MIN_SIZE = 100
ITEM_ROUTES = {"item-permalink", "embed-item"}


@dataclass
class OEmbedError(Exception):
    status: int
    reason: str


def for_request(request: HttpRequest) -> dict:
    if request.GET.get("format", "json") != "json":
        raise OEmbedError(501, "only format=json is provided")
    url = request.GET.get("url", "")
    if not url:
        raise OEmbedError(400, "the url parameter is required")
    item = item_for_url(request, url)
    if item is None:
        raise OEmbedError(404, "no published item has this address")
    width, height = frame_size(request)
    with translation.override(item.locale.language_code):  # the embed in the language of the page given
        return document(item, width, height)


def frame_size(request: HttpRequest) -> tuple[int, int]:
    """The largest frame of the embed's shape within the consumer's maxwidth and maxheight (oEmbed 1.0,
    2.2: a provider must respect them); below MIN_SIZE no viewer is usable, so such a request is refused."""
    max_width, max_height = bounds(request)
    width = min(EMBED_WIDTH, max_width, max_height * EMBED_WIDTH // EMBED_HEIGHT)
    if width < MIN_SIZE or max_height < MIN_SIZE:
        raise OEmbedError(400, f"maxwidth and maxheight must be at least {MIN_SIZE}")
    return width, min(max_height, round(width * EMBED_HEIGHT / EMBED_WIDTH))


def bounds(request: HttpRequest) -> tuple[int, int]:
    try:
        return (int(request.GET.get("maxwidth", EMBED_WIDTH)), int(request.GET.get("maxheight", EMBED_HEIGHT)))
    except ValueError as error:
        raise OEmbedError(400, "maxwidth and maxheight must be whole numbers") from error


def thumbnail_size(image, max_width: int, max_height: int) -> tuple[int, int]:
    """The thumbnail's size: THUMBNAIL_WIDTH at most, within the frame, never upscaled, in the image's shape."""
    scale = min(THUMBNAIL_WIDTH / image.width, max_width / image.width, max_height / image.height, 1.0)
    return max(1, int(image.width * scale)), max(1, int(image.height * scale))


def our_hosts(request: HttpRequest) -> set[str]:
    return {urlsplit(settings.PUBLIC_BASE_URL).netloc, request.get_host()}


def item_for_url(request: HttpRequest, url: str) -> ItemPage | None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or parts.netloc not in our_hosts(request):
        raise OEmbedError(400, "url must be an item page of this archive")
    path = parts.path or "/"
    language = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
    with translation.override(language):
        try:
            match = resolve(path)
        except Resolver404:
            return None
        if match.url_name in ITEM_ROUTES:
            return published_item(match.kwargs["inventory_number"])
        if match.url_name != "wagtail_serve":
            return None
        page = Page.find_for_request(site_probe(request, path), match.args[0] if match.args else "")
    if page is None:
        return None
    return ItemPage.objects.live().public().filter(pk=page.pk).first()


def site_probe(request: HttpRequest, path: str) -> HttpRequest:
    """A request for `path` on this host, so Wagtail routes it as if it had been asked directly."""
    probe = HttpRequest()
    probe.path = probe.path_info = path
    probe.META = {key: request.META[key] for key in ("HTTP_HOST", "SERVER_NAME", "SERVER_PORT") if key in request.META}
    return probe


def document(item: ItemPage, width: int, height: int) -> dict:
    response = {
        "version": "1.0",
        "type": "rich",
        "provider_name": site_name(),
        "provider_url": settings.PUBLIC_BASE_URL + "/",
        "title": item.title,
        "html": embed_iframe(item, width, height),
        "width": width,
        "height": height,
        "cache_age": settings.PUBLIC_DOCUMENT_MAX_AGE,  # consumers keep it no longer than browsers do
    }
    if item.credit_line:
        response["author_name"] = item.credit_line
    links = item.ordered_images()
    if links:
        image = links[0].image
        thumb_width, thumb_height = thumbnail_size(image, width, height)
        response.update(
            thumbnail_url=image_url(image, thumb_width),
            thumbnail_width=thumb_width,
            thumbnail_height=scaled_height(image, thumb_width),
        )
    return response
