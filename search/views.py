"""The search page: published items of the visitor's language, found through Wagtail search."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from wagtail.models import Locale

from archive.catalogue.models import ItemPage

RESULTS_PER_PAGE = 20


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    results = ItemPage.objects.none()
    if query:
        items = ItemPage.objects.live().public().filter(locale=Locale.get_active())
        results = items.search(query)
    page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "search/search.html", {"search_query": query, "results_page": page})
