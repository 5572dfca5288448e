"""IIIF Presentation routes, beside the Image API under /iiif/."""

from django.urls import path, re_path

from . import views

urlpatterns = [
    path("collection/<slug:slug>", views.collection, name="iiif-collection"),
    path("exhibition/<slug:slug>", views.exhibition_manifest, name="iiif-exhibition"),
    re_path(r"^manifest/(?P<inventory_number>[A-Za-z0-9._-]+)$", views.item_manifest, name="iiif-manifest"),
]
