"""IIIF documents for exhibitions: a manifest with a canvas for every image of every published item the
story shows (highlights, galleries, then/now and viewers alike), and each highlight as a Range.

A highlighted detail is a Range whose item is a SpecificResource: the canvas as source and a
FragmentSelector `xywh=` (Presentation 3, Range `items` allows SpecificResource); a highlight of a
whole image points at the canvas itself.
"""

from iiif_prezi3 import (
    CanvasRef,
    Collection,
    CollectionRef,
    FragmentSelector,
    Manifest,
    ManifestRef,
    Range,
    SpecificResource,
)

from archive.core.plain_text import plain_text
from archive.exhibitions.models import ExhibitionPage

from .addresses import collection_url, exhibition_url
from .builder import attribution, paint_canvas, provider, thumbnail
from .languages import fixed, language_map, translations

MEDIA_FRAGMENTS = "http://www.w3.org/TR/media-frags/"


def exhibition_manifest(exhibition: ExhibitionPage) -> Manifest:
    pages = translations(exhibition)
    manifest_id = exhibition_url(exhibition.slug)
    manifest = Manifest(
        id=manifest_id,
        label=language_map(pages, lambda page: page.title),
        summary=language_map(pages, lambda page: plain_text(page.intro)),
        requiredStatement=attribution(),
        provider=[provider()],
        partOf=[{"id": collection_url("exhibitions"), "type": "Collection"}],
    )
    canvases, first_image = add_item_canvases(manifest, manifest_id, exhibition.items())
    ranges = [
        highlight_range(f"{manifest_id}/range/{position}", highlight, canvases)
        for position, highlight in enumerate(exhibition.highlights(), start=1)
        if (highlight["item"].pk, highlight["image_number"]) in canvases
    ]
    if ranges:
        manifest.structures = ranges
    if first_image is not None:
        manifest.thumbnail = [thumbnail(first_image)]
    return manifest


def add_item_canvases(manifest: Manifest, manifest_id: str, items) -> tuple[dict[tuple[int, int], str], object]:
    """A canvas per image of each item, in story order; (item pk, image number) -> canvas id, and the
    first image (the manifest's thumbnail)."""
    canvases, first_image = {}, None
    for item in items:
        links = item.ordered_images()
        title = language_map(translations(item), lambda page: page.title)
        for number, link in enumerate(links, start=1):
            canvas_id = f"{manifest_id}/canvas/{len(canvases) + 1}"
            label = (
                title
                if len(links) == 1
                else {code: [f"{text} ({number}/{len(links)})" for text in texts] for code, texts in title.items()}
            )
            paint_canvas(manifest, canvas_id, label, link.image)
            canvases[(item.pk, number)] = canvas_id
            first_image = first_image or link.image
    return canvases, first_image


def highlight_range(range_id: str, highlight: dict, canvases: dict[tuple[int, int], str]) -> Range:
    canvas_id = canvases[(highlight["item"].pk, highlight["image_number"])]
    if highlight["region"]:
        target = SpecificResource(
            type="SpecificResource",
            source=canvas_id,
            selector=FragmentSelector(
                type="FragmentSelector", conformsTo=MEDIA_FRAGMENTS, value=f"xywh={highlight['region']}"
            ),
        )
    else:
        target = CanvasRef(id=canvas_id, type="Canvas")
    return Range(
        id=range_id, label=language_map(translations(highlight["item"]), lambda page: page.title), items=[target]
    )


EXHIBITIONS_LABEL = fixed("Parodos", "Exhibitions")


def exhibitions_reference() -> CollectionRef:
    """The exhibitions' collection as an entry of the top collection (it names top as its partOf)."""
    return CollectionRef(id=collection_url("exhibitions"), type="Collection", label=EXHIBITIONS_LABEL)


def exhibitions_collection(exhibitions) -> Collection:
    return Collection(
        id=collection_url("exhibitions"),
        label=EXHIBITIONS_LABEL,
        requiredStatement=attribution(),
        provider=[provider()],
        partOf=[{"id": collection_url("top"), "type": "Collection"}],
        items=[
            ManifestRef(
                id=exhibition_url(page.slug), type="Manifest", label=language_map(translations(page), lambda p: p.title)
            )
            for page in exhibitions
        ],
    )
