"""Routes of the search JSON API, mounted at /api/search/."""

from django.urls import path

from search import api

urlpatterns = [
    path("", api.search, name="api-search"),
    path("suggest/", api.suggest, name="api-search-suggest"),
    path("openapi.json", api.openapi, name="api-search-openapi"),
]
