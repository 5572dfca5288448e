"""HTTP for harvesters: the OAI-PMH endpoint and the IIIF Change Discovery documents."""

import json
import xml.etree.ElementTree as ET

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from . import discovery, provider
from .elements import OAI, child, datestamp, schema_location, to_bytes
from .protocol import OaiError, OaiRequest, parse_request

OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
DISCOVERY_CONTENT_TYPE = 'application/ld+json;profile="https://www.w3.org/ns/activitystreams"'


@csrf_exempt
@require_http_methods(["GET", "POST"])
def oai_pmh(request: HttpRequest) -> HttpResponse:
    """One endpoint, every verb; OAI-PMH reports errors in the XML body with HTTP 200."""
    params = request.POST if request.method == "POST" else request.GET
    root = envelope()
    try:
        oai_request = parse_request(params)
    except OaiError as error:
        add_request(root, None)
        add_error(root, error)
        return xml_response(root)
    add_request(root, oai_request)
    try:
        root.append(provider.VERBS[oai_request.verb](oai_request))
    except OaiError as error:
        if error.code == "badArgument":
            # The request echo carries attributes only for requests that were well formed.
            root.find(f"{{{OAI}}}request").attrib.clear()
        add_error(root, error)
    return xml_response(root)


def envelope() -> ET.Element:
    root = ET.Element(f"{{{OAI}}}OAI-PMH")
    schema_location(root, OAI, OAI_SCHEMA)
    child(root, f"{{{OAI}}}responseDate", datestamp(timezone.now()))
    return root


def add_request(root: ET.Element, oai_request: OaiRequest | None) -> None:
    attributes = {"verb": oai_request.verb, **oai_request.arguments} if oai_request else {}
    child(root, f"{{{OAI}}}request", provider.base_url(), **attributes)


def add_error(root: ET.Element, error: OaiError) -> None:
    child(root, f"{{{OAI}}}error", error.message, code=error.code)


def xml_response(root: ET.Element) -> HttpResponse:
    response = HttpResponse(to_bytes(root), content_type="text/xml; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def discovery_collection(request: HttpRequest) -> HttpResponse:
    return discovery_response(discovery.collection_document(), max_age=settings.IIIF_DISCOVERY_MAX_AGE)


@require_GET
def discovery_page(request: HttpRequest, number: int) -> HttpResponse:
    document = discovery.page_document(number)
    if document is None:
        raise Http404(_("No such page of changes."))
    # Only the last page still grows; the ones before it are fixed.
    max_age = settings.IIIF_DISCOVERY_MAX_AGE if "next" not in document else 24 * 3600
    return discovery_response(document, max_age)


def discovery_response(document: dict, max_age: int) -> HttpResponse:
    response = HttpResponse(json.dumps(document, ensure_ascii=False), content_type=DISCOVERY_CONTENT_TYPE)
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = f"public, max-age={max_age}"
    return response
