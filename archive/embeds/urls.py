"""Language-neutral routes of the embeds: the framed viewer page and oEmbed."""

from django.urls import path, re_path

from . import views

urlpatterns = [
    path("embed/", views.embed_content_state, name="embed-content-state"),
    re_path(r"^embed/item/(?P<inventory_number>[A-Za-z0-9._-]+)/$", views.embed_item, name="embed-item"),
    path("oembed", views.oembed, name="oembed"),
]
