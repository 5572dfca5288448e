"""IIIF Image API routes."""

urlpatterns: list = []
