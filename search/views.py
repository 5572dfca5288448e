"""The search page: a query box, facets, a year range and sorting, all kept in the URL.

Results come first: the facets sit in a sidebar (a disclosure on phones, search/static/search/filters.js),
the chosen filters are chips above the results (search/active_filters.py). The same results show as a list,
a map of their places or a time line of their decades (search/result_views.py).

A text that reads as a date ("1930s", "tarpukaris") is searched as years, and the page says so with a link that
searches the words (search/dates.py). Under the results, links export every hit of the search (CSV, JSON).

The page is forgiving: a value it cannot use is left out, and the page says which and why, in its language.
"""

import logging

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from search.active_filters import active_filters, clear_all_url
from search.parameters import read_search
from search.result_views import (
    chips_in_view,
    chosen_view,
    export_links,
    in_view,
    overview_query,
    view_context,
    view_links,
    words_url,
)
from search.results import SearchUnavailable
from search.service import run_search

logger = logging.getLogger(__name__)

SORT_CHOICES = [
    ("relevance", _("Best match")),
    ("date", _("Oldest first")),
    ("-date", _("Newest first")),
    ("title", _("Title A-Z")),
]


def visitor_language() -> str:
    return (get_language() or "lt")[:2]


def search(request: HttpRequest) -> HttpResponse:
    reading = read_search(request.GET, visitor_language())
    query = reading.query
    view = chosen_view(request.GET)  # list, map or time line (search/result_views.py)
    context = {
        "search_query": query.text,
        "query": query,
        "sort_choices": SORT_CHOICES,
        "problems": reading.problems,
        "active_filters": chips_in_view(active_filters(query), view),
        "clear_all_url": in_view(clear_all_url(query), view),
        "view": view,
    }
    if not (query.has_criteria or request.GET):  # any parameter, even just a sort, browses everything
        return render(request, "search/search.html", context)
    try:
        found = run_search(overview_query(query, view))
    except SearchUnavailable as error:
        logger.error("search unavailable: %s", error)
        return render(request, "search/search.html", {**context, "unavailable": True}, status=503)
    # A paginator over a range gives the shared pagination template its page numbers without the hits.
    page_obj = Paginator(range(found.count), query.per_page).get_page(found.query.page)
    context.update(
        found=found,
        page_obj=page_obj,
        query=found.query,
        view_links=view_links(found.query, view),
        words_url=words_url(found.query, view),
        export_links=export_links(found.query),
        **view_context(found, view),
    )
    return render(request, "search/search.html", context)
