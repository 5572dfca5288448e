"""Hits turned back into pages, and pages into the result records the JSON API returns."""

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from wagtail.models import Page

from archive.catalogue.models import CollectionPage, ItemPage
from search.results import SearchHit

THUMBNAIL_SPEC = "fill-400x300"


@dataclass(frozen=True)
class ResultItem:
    page: ItemPage
    collection: Page | None
    snippets: tuple[str, ...]


def result_items(hits: list[SearchHit]) -> list[ResultItem]:
    """Pages for the hits, in hit order; a page deleted since it was indexed is simply left out."""
    pages = ItemPage.objects.filter(pk__in=[hit.page_id for hit in hits]).prefetch_related("images__image")
    by_id = {page.pk: page for page in pages}
    parents = {page.path: page for page in CollectionPage.objects.filter(
        path__in={page.path[: -Page.steplen] for page in by_id.values()})}
    return [
        ResultItem(page=by_id[hit.page_id], collection=parents.get(by_id[hit.page_id].path[: -Page.steplen]),
                   snippets=hit.snippets)
        for hit in hits if hit.page_id in by_id
    ]


def manifest_url(item: ItemPage) -> str | None:
    """The item's IIIF Presentation manifest (archive/manifests), if that route is installed."""
    try:
        return reverse("iiif-manifest", kwargs={"inventory_number": item.inventory_number})
    except NoReverseMatch:
        return None


def thumbnail_url(item: ItemPage) -> str | None:
    links = item.ordered_images()
    return links[0].image.get_rendition(THUMBNAIL_SPEC).url if links else None


def absolute(request: HttpRequest, url: str | None) -> str | None:
    return request.build_absolute_uri(url) if url else None


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
        "collection": {"title": collection.title, "slug": collection.slug,
                       "url": absolute(request, collection.get_url(request))} if collection else None,
        "snippets": list(result.snippets),
    }
