"""IIIF Presentation routes, beside the Image API under /iiif/.

Slugs are matched as any text without a slash: Wagtail gives pages titled in Lithuanian slugs such as
"ūkis", which Django's `slug` converter (ASCII only) would send to a redirect and a 404.
"""

from django.urls import path, re_path

from . import views

urlpatterns = [
    path("collection/<str:slug>", views.collection, name="iiif-collection"),
    path("exhibition/<str:slug>", views.exhibition_manifest, name="iiif-exhibition"),
    re_path(r"^manifest/(?P<inventory_number>[A-Za-z0-9._-]+)$", views.item_manifest, name="iiif-manifest"),
]
