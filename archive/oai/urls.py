"""Routes for harvesters: /oai, and /iiif/discovery/... (before the image service's catch-all)."""

from django.urls import path

from . import views

oai_urlpatterns = [path("", views.oai_pmh, name="oai-pmh")]

discovery_urlpatterns = [
    path("collection", views.discovery_collection, name="iiif-discovery-collection"),
    path("page/<int:number>", views.discovery_page, name="iiif-discovery-page"),
]
