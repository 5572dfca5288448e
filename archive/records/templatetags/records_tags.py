"""Template tags that give the item page its cite panel, download links and structured data."""

from dataclasses import dataclass

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString

from archive.catalogue.models import ItemPage

from ..citations import CITATION_FORMATS
from ..downloads import DownloadOption, download_options
from ..record import ItemRecord, item_record
from ..structured_data import json_ld_script_body, open_graph

register = template.Library()


@dataclass(frozen=True)
class Citation:
    key: str
    label: str
    text: str
    url: str

    @property
    def download_url(self) -> str:
        return f"{self.url}?download=1"


@dataclass(frozen=True)
class ImageDownloads:
    position: int
    alt_text: str
    options: list[tuple[DownloadOption, str]]  # (option, URL); the URL is "" when refused


@dataclass(frozen=True)
class CitePanel:
    permanent_url: str
    citations: list[Citation]
    images: list[ImageDownloads]
    refused_reason: str
    record: ItemRecord


@dataclass(frozen=True)
class StructuredData:
    json_ld: SafeString
    open_graph: list[tuple[str, str]]


def record_of(page: ItemPage) -> ItemRecord:
    # Both includes of one page render read the same record; keep it on the page for that request.
    if getattr(page, "_records_item_record", None) is None:
        page._records_item_record = item_record(page)
    return page._records_item_record


@register.simple_tag
def item_cite_panel(page: ItemPage) -> CitePanel:
    record = record_of(page)
    today = timezone.localdate()
    citations = [
        Citation(
            key,
            str(citation.label),
            citation.render(record, today),
            reverse("item-cite", kwargs={"inventory_number": record.inventory_number, "fmt": key}),
        )
        for key, citation in CITATION_FORMATS.items()
    ]
    images, reasons = [], set()
    for position, image in enumerate(record.images, start=1):
        options = []
        for option in download_options(record.rights, image):
            url = reverse(
                "item-download",
                kwargs={"inventory_number": record.inventory_number, "position": str(position), "size": option.size},
            )
            options.append((option, url if option.allowed else ""))
            reasons.add(option.reason)
        images.append(ImageDownloads(position, image.alt_text, options))
    reasons.discard("")
    return CitePanel(record.permanent_url, citations, images, " ".join(sorted(reasons)), record)


@register.simple_tag
def item_structured_data(page: ItemPage) -> StructuredData:
    record = record_of(page)
    alternates = list(page.get_translations().live().values_list("locale__language_code", flat=True))
    return StructuredData(json_ld_script_body(record), open_graph(record, alternates))
