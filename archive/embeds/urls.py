"""Routes of the embeds: the framed viewer pages in each language (`/embed/...` Lithuanian, `/en/embed/...`
English), and the language-neutral oEmbed endpoint, which answers in the language of the address it is given."""

from django.urls import path

from . import views

urlpatterns = [
    path("oembed", views.oembed, name="oembed"),
]

page_urlpatterns = [
    path("embed/", views.embed_content_state, name="embed-content-state"),
    path("embed/item/<inventory:inventory_number>/", views.embed_item, name="embed-item"),
]
