"""What the deep-zoom viewer, the then/now slider and the embed snippet are given: plain dicts for
`json_script`, built from an item page and the request's deep link."""

from urllib.parse import urlencode

from django.conf import settings
from django.http import QueryDict
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.models import Locale

from archive.catalogue.models import ItemPage
from media import addresses

from .deeplinks import DeepLinkError, View, parse_xywh, view_from_content_state

EMBED_WIDTH = 640
EMBED_HEIGHT = 480
SLIDER_WIDTH = 1200


def published_item(inventory_number: str, any_case: bool = False) -> ItemPage | None:
    """The published item in the active language, else in any language; drafts are never found.

    With any_case, as people type and cite numbers ("kvb-vit-004"): the number as written wins, else one in
    another case."""
    published = ItemPage.objects.live().public()
    items = published.filter(inventory_number=inventory_number)
    if any_case and not items.exists():
        items = published.filter(inventory_number__iexact=inventory_number)
    return items.filter(locale=Locale.get_active()).first() or items.first()


def image_service(image) -> str:
    return addresses.image_service_url(image.iiif_identifier)


def image_url(image, width: int) -> str:
    """A JPEG at most `width` wide; Image API 3.0 refuses to upscale without `^`, so never ask it to."""
    return addresses.image_url(image.iiif_identifier, size=f"{min(width, image.width)},")


def scaled_height(image, width: int) -> int:
    width = min(width, image.width)
    return max(1, round(image.height * width / image.width)) if image.width else width


def viewer_labels() -> dict[str, str]:
    return {
        "toolbar": _("Image viewer controls"),
        "zoomIn": _("Zoom in"),
        "zoomOut": _("Zoom out"),
        "home": _("Show whole image"),
        "rotateLeft": _("Rotate left"),
        "rotateRight": _("Rotate right"),
        "fullScreen": _("Full screen"),
        "previous": _("Previous image"),
        "next": _("Next image"),
        "position": _("Image %(current)s of %(total)s"),
        "viewer": _("Zoomable image: %(title)s"),
        "keys": _("Keys: arrows move, + and − zoom, 0 shows the whole image, R rotates, J and K change the image."),
    }


def viewer_config(item: ItemPage, view: View | None = None) -> dict:
    links = item.ordered_images()
    return {
        "inventory": item.inventory_number,
        "title": item.title,
        "images": [
            {
                "info": f"{image_service(link.image)}/info.json",
                "alt": link.alt_text,
                "caption": link.caption,
                "width": link.image.width,
                "height": link.image.height,
            }
            for link in links
        ],
        "initialPage": (view.canvas - 1) if view else 0,
        "region": view.region.as_list() if view and view.region else None,
        "prefixUrl": static("vendor/openseadragon/images/"),
        "labels": viewer_labels(),
    }


def initial_info(item: ItemPage, view: View | None = None) -> str | None:
    """The info.json of the image the viewer opens on (viewer_config's initialPage); None without images."""
    links = item.ordered_images()
    index = (view.canvas - 1) if view else 0
    return f"{image_service(links[index].image)}/info.json" if index < len(links) else None


def then_now_config(item: ItemPage) -> dict | None:
    pair = item.then_now_pair()
    if pair is None:
        return None
    then, now = pair
    return {
        "then": {"src": image_url(then.image, SLIDER_WIDTH), "alt": then.alt_text},
        "now": {"src": image_url(now.image, SLIDER_WIDTH), "alt": now.alt_text},
        "width": min(SLIDER_WIDTH, then.image.width),
        "height": scaled_height(then.image, SLIDER_WIDTH),
    }


def requested_view(item: ItemPage, query: QueryDict) -> View | None:
    """The view asked for by `?iiif-content=` or `?xywh=` (with `?canvas=`); DeepLinkError if unusable."""
    if "iiif-content" in query:
        view = view_from_content_state(query["iiif-content"])
        if view.inventory_number != item.inventory_number:
            raise DeepLinkError("iiif-content points at another item")
    elif "xywh" in query or "canvas" in query:
        canvas = query.get("canvas", "1")
        if not canvas.isdigit() or int(canvas) < 1:
            raise DeepLinkError("canvas must be a number from 1")
        region = parse_xywh(query["xywh"]) if "xywh" in query else None
        view = View(item.inventory_number, int(canvas), region)
    else:
        return None
    if view.canvas > max(1, len(item.ordered_images())):
        raise DeepLinkError("the item has no such canvas")
    return view


def embed_path(item: ItemPage, view: View | None = None) -> str:
    path = reverse("embed-item", args=[item.inventory_number])
    if view and (view.region or view.canvas != 1):
        params = {"canvas": view.canvas} if view.canvas != 1 else {}
        if view.region:
            params["xywh"] = ",".join(str(number) for number in view.region.as_list())
        path += "?" + urlencode(params, safe=",")  # x,y,w,h stays readable in the embed code
    return path


def embed_iframe(item: ItemPage, width: int = EMBED_WIDTH, height: int = EMBED_HEIGHT) -> str:
    """The fixed-size iframe of oEmbed's `html`."""
    return format_html(
        '<iframe src="{}" width="{}" height="{}" title="{}" style="border:0" allowfullscreen loading="lazy"></iframe>',
        settings.PUBLIC_BASE_URL + embed_path(item),
        width,
        height,
        item.title,
    )


def responsive_snippet(item: ItemPage) -> str:
    """The iframe schools paste into their pages: fills the column width, keeps a 4:3 shape."""
    return format_html(
        '<div style="position:relative;width:100%;max-width:960px;aspect-ratio:4/3">'
        '<iframe src="{}" title="{}" style="position:absolute;inset:0;width:100%;height:100%;border:0" '
        'allowfullscreen loading="lazy"></iframe></div>',
        settings.PUBLIC_BASE_URL + embed_path(item),
        item.title,
    )
