"""Routes of the records app: item-level ones (cite, download) under /item/, and the export API."""

from django.urls import path, re_path

from archive.catalogue.identifiers import INVENTORY_PATTERN

from . import details, views

INVENTORY = rf"(?P<inventory_number>{INVENTORY_PATTERN})"
DETAIL = rf"{INVENTORY}/detail/(?P<position>[1-9][0-9]*)/(?P<region>[0-9]+,[0-9]+,[0-9]+,[0-9]+)"

item_urlpatterns = [
    re_path(rf"^{INVENTORY}/cite\.(?P<fmt>txt|bib|ris|json)$", views.cite, name="item-cite"),
    re_path(rf"^{INVENTORY}/record\.jsonld$", views.record_json_ld, name="item-record-jsonld"),
    re_path(
        rf"^{INVENTORY}/images/(?P<position>[1-9][0-9]*)/download/(?P<size>[a-z0-9]+)$",
        views.download_image,
        name="item-download",
    ),
    re_path(rf"^{DETAIL}/$", details.detail, name="item-detail"),
    re_path(rf"^{DETAIL}/cite\.(?P<fmt>txt|bib|ris|json)$", details.detail_cite, name="item-detail-cite"),
]

export_urlpatterns = [
    path("export.csv", views.export, {"fmt": "csv"}, name="records-export-csv"),
    path("export.json", views.export, {"fmt": "json"}, name="records-export-json"),
]
