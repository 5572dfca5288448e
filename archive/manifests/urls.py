"""IIIF Presentation routes, beside the Image API under /iiif/.

Slugs are matched as any text without a slash: Wagtail gives pages titled in Lithuanian slugs such as
"ūkis", which Django's `slug` converter (ASCII only) would send to a redirect and a 404.
"""

from django.urls import path

from . import views

urlpatterns = [
    path("collection/<str:slug>", views.collection, name="iiif-collection"),
    path("exhibition/<str:slug>", views.exhibition_manifest, name="iiif-exhibition"),
    path("manifest/<inventory:inventory_number>", views.item_manifest, name="iiif-manifest"),
]
