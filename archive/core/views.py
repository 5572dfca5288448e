"""Small site-wide views: the permanent item link, and the 400, 500 and 503 pages (health checks: health.py)."""

import sys

from django import db
from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from archive.core import site_names
from archive.core.not_found import no_published_item
from archive.embeds.viewers import published_item


def item_permalink(request: HttpRequest, inventory_number: str) -> HttpResponse:
    """Resolve a permanent inventory-number URL to the item page in the visitor's language. People type and
    cite inventory numbers in any case ("kvb-vit-004"): the number as written wins, else one in another case."""
    item = published_item(inventory_number, any_case=True)
    if item is None:
        raise no_published_item(inventory_number)
    url = item.get_url(request)
    if not url:
        raise Http404(_("The item is not reachable on this site."))
    response = redirect(url)
    response["Content-Language"] = get_language()
    return response


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The 400 page: what was wrong, in the visitor's language. It stands alone (it reads nothing of the
    request), since reading the request again may raise the same error."""
    return bad_request_page(bad_request_reason(exception))


def bad_request_page(reason: str) -> HttpResponse:
    """The site's 400 page with the reason, for any view that refuses what a person asked for."""
    page = render_to_string("400.html", {"reason": reason, "site_name": site_names.site_name()})
    return HttpResponse(page, status=400, content_type="text/html; charset=utf-8")


def bad_request_reason(exception: Exception) -> str:
    if isinstance(exception, TooManyFieldsSent):
        return _(
            "The address or form has more than %(count)s parameters. Remove the ones you do not need and try again."
        ) % {"count": settings.DATA_UPLOAD_MAX_NUMBER_FIELDS}
    if isinstance(exception, RequestDataTooBig):
        return _("The form sent more data than the site accepts. Send less at a time.")
    return _("The site could not read the request. Check the address and try again.")


DATABASE_OUTAGE_RETRY_SECONDS = 30


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page; a database that cannot be reached (a restart, a failover) is a 503 with Retry-After
    instead: the request did nothing, and trying again shortly will work. Standalone, like the 400 page."""
    error = sys.exc_info()[1]
    if isinstance(error, (db.OperationalError, db.InterfaceError)):
        response = HttpResponse(render_to_string("503.html"), status=503, content_type="text/html; charset=utf-8")
        response["Retry-After"] = str(DATABASE_OUTAGE_RETRY_SECONDS)
        return response
    return HttpResponse(render_to_string("500.html"), status=500, content_type="text/html; charset=utf-8")
