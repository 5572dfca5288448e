"""Hits turned back into pages, and pages into the result records the JSON API returns."""

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from wagtail.models import Page

from archive.catalogue.models import CollectionPage, ItemPage
from archive.embeds.viewers import image_url, scaled_height
from archive.manifests.availability import item_has_manifest
from search.results import SearchHit

THUMBNAIL_WIDTH = 400


@dataclass(frozen=True)
class Thumbnail:
    """An item's first image at the width the API, oEmbed and manifests use, with its size for the page's
    width and height attributes (no layout shift while it loads)."""

    url: str
    width: int
    height: int


@dataclass(frozen=True)
class ResultItem:
    page: ItemPage
    collection: Page | None
    snippets: tuple[str, ...]

    @property
    def thumbnail(self) -> "Thumbnail | None":
        return item_thumbnail(self.page)


def result_items(hits: list[SearchHit]) -> list[ResultItem]:
    """Pages for the hits, in hit order; a page deleted since it was indexed is simply left out."""
    pages = ItemPage.objects.filter(pk__in=[hit.page_id for hit in hits]).prefetch_related("images__image")
    by_id = {page.pk: page for page in pages}
    parents = {
        page.path: page
        for page in CollectionPage.objects.filter(path__in={page.path[: -Page.steplen] for page in by_id.values()})
    }
    return [
        ResultItem(
            page=by_id[hit.page_id],
            collection=parents.get(by_id[hit.page_id].path[: -Page.steplen]),
            snippets=hit.snippets,
        )
        for hit in hits
        if hit.page_id in by_id
    ]


def manifest_url(item: ItemPage) -> str | None:
    """The item's IIIF Presentation manifest (archive/manifests), if that route is installed and the item
    has images (a manifest needs a canvas)."""
    if not item_has_manifest(item):
        return None
    try:
        return reverse("iiif-manifest", kwargs={"inventory_number": item.inventory_number})
    except NoReverseMatch:
        return None


def item_thumbnail(item: ItemPage) -> Thumbnail | None:
    """From the IIIF service, which checks access and reads every format it ingests; never a /media/ file."""
    links = item.ordered_images()
    if not links:
        return None
    image = links[0].image
    return Thumbnail(
        url=image_url(image, THUMBNAIL_WIDTH),
        width=min(THUMBNAIL_WIDTH, image.width),
        height=scaled_height(image, THUMBNAIL_WIDTH),
    )


def thumbnail_url(item: ItemPage) -> str | None:
    thumbnail = item_thumbnail(item)
    return thumbnail.url if thumbnail else None


def absolute(request: HttpRequest, url: str | None) -> str | None:
    """At the public origin, never at the request's Host header (which a client chooses)."""
    if not url:
        return None
    return settings.PUBLIC_BASE_URL + url if url.startswith("/") else url


def api_record(result: ResultItem, request: HttpRequest) -> dict:
    item = result.page
    collection = result.collection
    return {
        "id": item.pk,
        "title": item.title,
        "url": absolute(request, item.get_url(request)),
        "inventory_number": item.inventory_number,
        "thumbnail": absolute(request, thumbnail_url(item)),
        "manifest": absolute(request, manifest_url(item)),
        "date": {"text": item.date_text, "earliest": item.year_earliest, "latest": item.year_latest},
        "collection": {
            "title": collection.title,
            "slug": collection.slug,
            "url": absolute(request, collection.get_url(request)),
        }
        if collection
        else None,
        "snippets": list(result.snippets),
    }
