"""Citable details: a permanent link to one region of one image, cited and embedded like an item."""

import dataclasses

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from archive.catalogue.regions import RegionError, parse_region
from archive.core.views import bad_request_page
from archive.embeds.deeplinks import View
from archive.embeds.viewers import embed_path

from .citations import CITATION_FORMATS
from .record import ItemRecord, item_record
from .views import published_item


def detail_record(record: ItemRecord, position: int, region: str) -> ItemRecord:
    title = _("%(title)s (detail %(region)s of image %(number)s)") % {
        "title": record.title,
        "region": region,
        "number": position,
    }
    return dataclasses.replace(record, title=title, detail_path=f"detail/{position}/{region}/")


def resolve_detail(inventory_number: str, position: str, region_text: str):
    """The item, image link and normalised region, or an error response for a region that is not there."""
    item = published_item(inventory_number)
    links = item.ordered_images()
    number = int(position)
    if not 1 <= number <= len(links):
        reason = _("The item %(number)s has no image number %(position)s.")
        raise Http404(reason % {"number": inventory_number, "position": number})
    image = links[number - 1].image
    region = parse_region(region_text, image.width, image.height)
    return item, links[number - 1], str(region)


@require_GET
def detail(request: HttpRequest, inventory_number: str, position: str, region: str) -> HttpResponse:
    try:
        item, link, region = resolve_detail(inventory_number, position, region)
    except RegionError as error:
        return bad_request_page(_("This detail cannot be shown: %(reason)s.") % {"reason": error})
    record = detail_record(item_record(item), int(position), region)
    accessed = timezone.localdate()
    return render(
        request,
        "records/detail.html",
        {
            "item": item,
            "link": link,
            "region": region,
            "position": int(position),
            "record": record,
            "citations": [(fmt, fmt.render(record, accessed)) for fmt in CITATION_FORMATS.values()],
            "embed_url": settings.PUBLIC_BASE_URL
            + embed_path(item, View(inventory_number, int(position), parse_region(region))),
        },
    )


@require_GET
def detail_cite(request: HttpRequest, inventory_number: str, position: str, region: str, fmt: str) -> HttpResponse:
    citation = CITATION_FORMATS.get(fmt)
    if citation is None:
        raise Http404(_("Unknown citation format %(format)s.") % {"format": fmt})
    try:
        item, _link, region = resolve_detail(inventory_number, position, region)
    except RegionError as error:
        return HttpResponseBadRequest(f"Bad region: {error}", content_type="text/plain; charset=utf-8")
    record = detail_record(item_record(item), int(position), region)
    response = HttpResponse(
        citation.render(record, timezone.localdate()), content_type=f"{citation.media_type}; charset=utf-8"
    )
    filename = f"{inventory_number}-{position}-{region.replace(',', '_')}.{citation.extension}"
    response["Content-Disposition"] = content_disposition_header("download" in request.GET, filename)
    response["Access-Control-Allow-Origin"] = "*"
    return response
