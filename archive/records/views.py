"""HTTP for citations, image downloads and result-set exports; the modules beside it do the work."""

from django.conf import settings
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseForbidden,
    JsonResponse,
    StreamingHttpResponse,
)
from django.urls import resolve
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from archive.catalogue.models import ItemPage
from archive.core.not_found import no_published_item
from archive.imports.table import DELIMITERS
from search.api import UNAVAILABLE
from search.results import SearchUnavailable

from . import downloads
from .citations import CITATION_FORMATS
from .export_formats import csv_chunks, json_chunks
from .export_query import ExportQueryError, ExportTooLarge, matching_ids, matching_records, parse_query
from .record import item_record
from .structured_data import json_ld


def published_item(inventory_number: str) -> ItemPage:
    """The published item in the active language, else its original; 404 when neither is public."""
    items = ItemPage.objects.live().public().filter(inventory_number=inventory_number)
    item = items.filter(locale=Locale.get_active()).first() or items.first()
    if item is None:
        raise no_published_item(inventory_number)
    return item


@require_GET
def cite(request: HttpRequest, inventory_number: str, fmt: str) -> HttpResponse:
    citation = CITATION_FORMATS.get(fmt)
    if citation is None:
        raise Http404(_("Unknown citation format %(format)s.") % {"format": fmt})
    record = item_record(published_item(inventory_number))
    text = citation.render(record, timezone.localdate())
    response = HttpResponse(text, content_type=f"{citation.media_type}; charset=utf-8")
    filename = f"{inventory_number}.{citation.extension}"
    response["Content-Disposition"] = content_disposition_header("download" in request.GET, filename)
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def record_json_ld(request: HttpRequest, inventory_number: str) -> HttpResponse:
    """The item's schema.org description on its own, for harvesters and the manifest's seeAlso."""
    document = json_ld(item_record(published_item(inventory_number)))
    response = JsonResponse(
        document, content_type="application/ld+json; charset=utf-8", json_dumps_params={"ensure_ascii": False}
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def download_image(request: HttpRequest, inventory_number: str, position: str, size: str) -> HttpResponse:
    record = item_record(published_item(inventory_number))
    index = int(position)
    if not 1 <= index <= len(record.images):
        raise Http404(_("The item has no image at this position."))
    image = record.images[index - 1]
    option = downloads.download_option(record.rights, image, size)
    if option is None:
        raise Http404(_("Unknown download size %(size)s.") % {"size": size})
    if not option.allowed:
        return HttpResponseForbidden(option.reason, content_type="text/plain; charset=utf-8")
    response = image_service_response(request, image, option)
    if response.status_code == 200:
        filename = downloads.download_filename(record, index, option)
        response["Content-Disposition"] = content_disposition_header(True, filename)
        response["Link"] = f'<{record.rights}>; rel="license"'
    return response


def image_service_response(request: HttpRequest, image, option) -> HttpResponse:
    """Ask our own IIIF image service in-process, as if the browser had asked it, with the same user."""
    match = resolve(f"/iiif/3/{image.iiif_identifier}/full/{option.iiif_size}/0/default.jpg")
    return match.func(request, *match.args, **match.kwargs)


@require_GET
def export(request: HttpRequest, fmt: str) -> HttpResponse:
    """Every hit of the search these parameters ask for (archive/records/export_query.py), as CSV or JSON."""
    json_error = {"json_dumps_params": {"ensure_ascii": False}}  # JSON for both formats: the caller is a script
    try:
        query = parse_query(request.GET)
        ids = matching_ids(query)
    except ExportQueryError as error:
        return JsonResponse(error.problem.as_api_error(), status=400, **json_error)
    except ExportTooLarge as error:
        return JsonResponse(error.as_api_error(), status=413, **json_error)
    except SearchUnavailable:
        return JsonResponse(UNAVAILABLE, status=503, headers={"Retry-After": "30"})
    records = matching_records(ids, chunk_size=settings.RECORDS_EXPORT_CHUNK_SIZE)
    if fmt == "json":
        header = {"query": query.as_dict(), "total": len(ids), "returned": len(ids)}
        response = StreamingHttpResponse(json_chunks(records, header), content_type="application/json")
    else:
        response = StreamingHttpResponse(
            csv_chunks(records, DELIMITERS[query.delimiter]), content_type="text/csv; charset=utf-8"
        )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = content_disposition_header(True, f"klaipeda-archive-{stamp}.{fmt}")
    response["X-Export-Total"] = response["X-Export-Returned"] = str(len(ids))
    return response
