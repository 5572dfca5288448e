"""IIIF Image API routes: /iiif/3/... and /iiif/2/...; media.iiif parses everything after the version."""

from django.urls import re_path

from media.iiif import views

urlpatterns = [
    re_path(r"^(?P<version>[23])/(?P<path>[\s\S]*)$", views.iiif, name="iiif"),
]
