"""IIIF documents for exhibitions: a manifest of the highlighted images, with each detail as a range."""

from django.utils.html import strip_tags
from iiif_prezi3 import Collection, Manifest, ManifestRef, Range

from archive.exhibitions.models import ExhibitionPage

from .addresses import base_url, collection_url
from .builder import paint_canvas, provider, thumbnail
from .languages import fixed, language_map, translations


def exhibition_url(slug: str) -> str:
    return f"{base_url()}/iiif/exhibition/{slug}"


def exhibition_manifest(exhibition: ExhibitionPage) -> Manifest:
    pages = translations(exhibition)
    manifest_id = exhibition_url(exhibition.slug)
    manifest = Manifest(
        id=manifest_id,
        label=language_map(pages, lambda page: page.title),
        summary=language_map(pages, lambda page: strip_tags(page.intro).strip()),
        provider=[provider()],
        partOf=[{"id": collection_url("exhibitions"), "type": "Collection"}],
    )
    canvases: dict[int, str] = {}
    ranges = []
    for position, highlight in enumerate(exhibition.highlights(), start=1):
        links = highlight["item"].ordered_images()
        if highlight["image_number"] > len(links):
            continue
        link = links[highlight["image_number"] - 1]
        if link.image.pk not in canvases:
            canvases[link.image.pk] = add_canvas(manifest, manifest_id, len(canvases) + 1, highlight["item"], link)
        target = canvases[link.image.pk] + (f"#xywh={highlight['region']}" if highlight["region"] else "")
        ranges.append(Range(
            id=f"{manifest_id}/range/{position}",
            label=language_map(translations(highlight["item"]), lambda page: page.title),
            items=[{"id": target, "type": "Canvas"}],
        ))
    if ranges:
        manifest.structures = ranges
    if manifest.items:
        first = next(iter(exhibition.highlights()))["item"].ordered_images()[0]
        manifest.thumbnail = [thumbnail(first.image)]
    return manifest


def add_canvas(manifest: Manifest, manifest_id: str, number: int, item, link) -> str:
    canvas_id = f"{manifest_id}/canvas/{number}"
    paint_canvas(manifest, canvas_id, language_map(translations(item), lambda page: page.title), link.image)
    return canvas_id


def exhibitions_collection(exhibitions) -> Collection:
    return Collection(
        id=collection_url("exhibitions"),
        label=fixed("Parodos", "Exhibitions"),
        provider=[provider()],
        partOf=[{"id": collection_url("top"), "type": "Collection"}],
        items=[ManifestRef(id=exhibition_url(page.slug), type="Manifest",
                           label=language_map(translations(page), lambda p: p.title)) for page in exhibitions],
    )
