"""Small site-wide views: the health check and the permanent item link."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail.models import Locale

from archive.catalogue.models import ItemPage
from archive.core.not_found import no_published_item
from media.storage import storage_message
from search.backends import get_catalogue_backend
from search.results import SearchUnavailable


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """503 when the database or the media storage cannot be read: the node cannot serve. A storage that
    reads but refuses writes, or a search that is down, is "degraded": the node still serves the public
    (pages, images) and stays in the load balancer's rotation, but the report names what fails."""
    checks = {"database": database_state(), "storage": storage_state()}
    serving = checks["database"] == "ok" and not checks["storage"].startswith(UNREADABLE)
    checks["search"] = search_state()
    if not serving:
        status = "unavailable"
    else:
        status = "ok" if all(state == "ok" for state in checks.values()) else "degraded"
    return JsonResponse({"status": status, "checks": checks}, status=200 if serving else 503)


UNREADABLE = "error: cannot read"
PROBE_NAME = "healthz/probe"


def database_state() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return "ok"
    except Exception as error:  # any driver error means the database cannot serve
        return f"error: {error.__class__.__name__}"


def storage_state() -> str:
    """Reads, then writes and deletes a small probe object: a store can answer reads and refuse writes."""
    try:
        default_storage.exists(PROBE_NAME)
    except Exception as error:  # local disk or S3: any failure means media cannot be served
        return f"{UNREADABLE} ({storage_message(error)})"
    try:
        saved = default_storage.save(PROBE_NAME, ContentFile(b"ok"))
        default_storage.delete(saved)
    except Exception as error:
        return f"error: refuses writes ({storage_message(error)})"
    return "ok"


def search_state() -> str:
    try:
        get_catalogue_backend().suggest("a", settings.LANGUAGE_CODE, limit=1)
        return "ok"
    except SearchUnavailable:
        return "unavailable"


def item_permalink(request: HttpRequest, inventory_number: str) -> HttpResponse:
    """Resolve a permanent inventory-number URL to the item page in the visitor's language."""
    items = ItemPage.objects.live().public().filter(inventory_number=inventory_number)
    item = items.filter(locale=Locale.get_active()).first() or items.first()
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
    page = render_to_string("400.html", {"reason": bad_request_reason(exception)})
    return HttpResponse(page, status=400, content_type="text/html; charset=utf-8")


def bad_request_reason(exception: Exception) -> str:
    if isinstance(exception, TooManyFieldsSent):
        return _("The address or form has more than %(count)s parameters. Remove the ones you do not need "
                 "and try again.") % {"count": settings.DATA_UPLOAD_MAX_NUMBER_FIELDS}
    if isinstance(exception, RequestDataTooBig):
        return _("The form sent more data than the site accepts. Send less at a time.")
    return _("The site could not read the request. Check the address and try again.")
