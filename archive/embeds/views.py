"""Embeds for other sites, the oEmbed endpoint and the side-by-side comparison of items."""

from functools import wraps

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from archive.catalogue.identifiers import is_inventory_number, refusal
from archive.catalogue.models import ItemPage
from archive.core.not_found import no_published_item
from archive.core.revalidation import revalidated
from archive.manifests.addresses import manifest_url
from archive.manifests.availability import item_has_manifest

from . import oembed as oembed_documents
from .deeplinks import DeepLinkError, View, view_from_content_state
from .viewers import image_url, published_item, requested_view, viewer_config

COMPARE_MIN, COMPARE_MAX = 2, 4
FALLBACK_WIDTH = 1200


def in_requested_language(view):
    """`?lang=en` chooses the embed's language where the embedding site cannot change the path
    (`/en/embed/...` does the same); an unknown code is refused rather than ignored."""

    @wraps(view)
    def in_language(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        code = request.GET.get("lang")
        if code is None:
            return view(request, *args, **kwargs)
        if code not in dict(settings.LANGUAGES):
            return embed_refusal(
                request, _("lang must be one of: %(codes)s.") % {"codes": ", ".join(dict(settings.LANGUAGES))}
            )
        with translation.override(code):
            request.LANGUAGE_CODE = code
            response = view(request, *args, **kwargs)
            response["Content-Language"] = code
            return response

    return in_language


@require_safe
@xframe_options_exempt
@in_requested_language
def embed_item(request: HttpRequest, inventory_number: str) -> HttpResponse:
    item = published_item(inventory_number)
    if item is None:
        raise no_published_item(inventory_number)
    try:
        view = requested_view(item, request.GET)
    except DeepLinkError as error:
        return embed_refusal(request, str(error))
    return embed_response(request, item, view)


@require_safe
@xframe_options_exempt
@in_requested_language
def embed_content_state(request: HttpRequest) -> HttpResponse:
    """`/embed/?iiif-content=...`: the item, canvas and region named by a IIIF Content State."""
    try:
        view = view_from_content_state(request.GET.get("iiif-content", ""))
    except DeepLinkError as error:
        return embed_refusal(request, str(error))
    item = published_item(view.inventory_number)
    if item is None:
        raise Http404(_("The content state names no published item."))
    if view.canvas > max(1, len(item.ordered_images())):
        return embed_refusal(request, "the item has no such canvas")
    return embed_response(request, item, view)


def embed_response(request: HttpRequest, item: ItemPage, view: View | None) -> HttpResponse:
    context = {
        "item": item,
        "viewer": viewer_config(item, view),
        "item_url": item.get_full_url(request) or settings.PUBLIC_BASE_URL + item.permanent_url,
        "fallback": fallback_image(item),
    }
    return revalidated(request, render(request, "embeds/embed.html", context))


def fallback_image(item: ItemPage) -> dict | None:
    """The first image as a plain <img>, for browsers that run no JavaScript."""
    links = item.ordered_images()
    if not links:
        return None
    return {"src": image_url(links[0].image, FALLBACK_WIDTH), "alt": links[0].alt_text}


def embed_refusal(request: HttpRequest, reason: str) -> HttpResponse:
    response = render(request, "embeds/embed_error.html", {"reason": reason}, status=400)
    return response


@require_safe
def oembed(request: HttpRequest) -> HttpResponse:
    try:
        document = oembed_documents.for_request(request)
    except oembed_documents.OEmbedError as error:
        response = HttpResponse(error.reason + "\n", status=error.status, content_type="text/plain; charset=utf-8")
    else:
        response = revalidated(request, JsonResponse(document, json_dumps_params={"ensure_ascii": False}))
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def compare(request: HttpRequest) -> HttpResponse:
    # `?items=A,B` from a link, or `?items=A&items=B` from the results' Compare boxes.
    # Numbers are read in any case (as permalinks are), so two spellings of one number are one item.
    parts = (part.strip() for value in request.GET.getlist("items") for part in value.split(","))
    numbers = list({part.upper(): part for part in parts if part}.values())
    problem = compare_problem(numbers)
    if problem:
        return render(request, "embeds/compare.html", {"problem": problem}, status=400)
    items = {number: published_item(number, any_case=True) for number in numbers}
    found = [item for item in items.values() if item is not None]
    if not found:
        problem = _("No published item has the inventory number %(numbers)s.") % {"numbers": ", ".join(numbers)}
        return render(request, "embeds/compare.html", {"problem": problem}, status=404)
    context = {"items": found, "workspace": workspace_config(found), "notice": not_available_notice(items)}
    return render(request, "embeds/compare.html", context)


def not_available_notice(items: dict[str, ItemPage | None]) -> str:
    """Names the numbers left out of a comparison that still has items, so a saved link outlives an
    unpublished item. "Not available" alike for unknown and unpublished numbers: drafts are not revealed."""
    missing = [number for number, item in items.items() if item is None]
    if not missing:
        return ""
    return ngettext(
        "The item %(numbers)s is not available, so it is left out of this comparison.",
        "The items %(numbers)s are not available, so they are left out of this comparison.",
        len(missing),
    ) % {"numbers": ", ".join(missing)}


def workspace_config(items: list[ItemPage]) -> dict:
    """What compare.js gives Mirador: the items' manifests, one window each, in the page's language."""
    return {
        "language": get_language(),
        "manifests": [manifest_url(item.inventory_number) for item in items if item_has_manifest(item)],
    }


def compare_problem(numbers: list[str]) -> str:
    if not COMPARE_MIN <= len(numbers) <= COMPARE_MAX:
        return _("Choose from %(min)s to %(max)s different items to compare, e.g. ?items=A-1,A-2.") % {
            "min": COMPARE_MIN,
            "max": COMPARE_MAX,
        }
    bad = [number for number in numbers if not is_inventory_number(number)]
    return " ".join(refusal(number) for number in bad)
