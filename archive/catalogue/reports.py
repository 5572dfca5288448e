"""Admin report: every item that Europeana would not take yet, with what it lacks."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from wagtail.models import Locale

from .europeana import readiness
from .models import ItemPage


def europeana_report(request: HttpRequest) -> HttpResponse:
    items = (
        ItemPage.objects.filter(locale=Locale.get_default())
        .order_by("inventory_number")
        .prefetch_related("images__image")
    )
    rows = [(item, readiness(item)) for item in items]
    tiers = {tier: sum(1 for _item, result in rows if result.tier == tier) for tier in range(5)}
    not_ready = [(item, result) for item, result in rows if not result.ready]
    page = Paginator(not_ready, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "catalogue/reports/europeana.html",
        {"rows": page, "tiers": tiers, "total": len(rows), "not_ready": len(not_ready)},
    )
