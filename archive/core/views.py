"""Small site-wide views: the health check and the permanent item link."""

from django.core.files.storage import default_storage
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from wagtail.models import Locale

from archive.catalogue.models import ItemPage


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when the database and the media storage answer; the search state is reported too."""
    checks = {"database": database_state(), "storage": storage_state()}
    healthy = all(state == "ok" for state in checks.values())
    return JsonResponse({"status": "ok" if healthy else "unavailable", "checks": checks},
                        status=200 if healthy else 503)


def database_state() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return "ok"
    except Exception as error:  # any driver error means the database cannot serve
        return f"error: {error.__class__.__name__}"


def storage_state() -> str:
    try:
        default_storage.exists("healthz-probe")
        return "ok"
    except Exception as error:  # local disk or S3: any failure means media cannot be served
        return f"error: {error.__class__.__name__}"


def item_permalink(request: HttpRequest, inventory_number: str) -> HttpResponse:
    """Resolve a permanent inventory-number URL to the item page in the visitor's language."""
    items = ItemPage.objects.live().public().filter(inventory_number=inventory_number)
    item = items.filter(locale=Locale.get_active()).first() or items.first()
    if item is None:
        raise Http404(f"No published item has the inventory number {inventory_number}.")
    url = item.get_url(request)
    if not url:
        raise Http404("The item is not reachable on this site.")
    response = redirect(url)
    response["Content-Language"] = get_language()
    return response
