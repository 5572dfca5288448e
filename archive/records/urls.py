"""Routes of the records app: item-level ones (cite, download) under /item/, and the export API."""

from django.urls import path, re_path

from . import views

INVENTORY = r"(?P<inventory_number>[A-Za-z0-9._-]+)"

item_urlpatterns = [
    re_path(rf"^{INVENTORY}/cite\.(?P<fmt>txt|bib|ris|json)$", views.cite, name="item-cite"),
    re_path(rf"^{INVENTORY}/images/(?P<position>[1-9][0-9]*)/download/(?P<size>[a-z0-9]+)$",
            views.download_image, name="item-download"),
]

export_urlpatterns = [
    path("export.csv", views.export, {"fmt": "csv"}, name="records-export-csv"),
    path("export.json", views.export, {"fmt": "json"}, name="records-export-json"),
]
