"""Building IIIF Presentation 3.0 documents from catalogue pages with iiif-prezi3.

Identifiers are absolute URIs from settings.PUBLIC_BASE_URL; image services point at our Image API.
"""

from operator import attrgetter

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from iiif_prezi3 import (
    AnnotationBody,
    Canvas,
    Collection,
    CollectionRef,
    Homepage,
    KeyValueString,
    LinkedResource,
    Manifest,
    ManifestRef,
    Provider,
    ServiceV3,
)

from archive.catalogue.fields import MANIFEST, fields_for
from archive.catalogue.models import CollectionPage, ItemImage, ItemPage
from archive.core import site_names
from archive.core.plain_text import plain_text
from archive.records.record import ItemRecord, item_record
from media.addresses import image_service_url

from .addresses import base_url, collection_url, manifest_url
from .annotations import add_notes, notes_by_image
from .availability import items_with_manifests
from .languages import fixed, language_map, translated, translations
from .links import provider_logo, see_also

PRESENTATION_CONTEXT = "http://iiif.io/api/presentation/3/context.json"
NAVPLACE_CONTEXT = "http://iiif.io/api/extension/navplace/context.json"
THUMBNAIL_WIDTH = 400
# The manifest's metadata: label and value from each language's record. The declared item fields shown in
# manifests (archive/catalogue/fields.py) follow these.
METADATA = (
    (_("Inventory number"), lambda record: record.inventory_number),
    (_("Creators"), lambda record: [f"{creator.name} ({creator.role_label})" for creator in record.creators]),
    (_("Date"), lambda record: record.date_text),
    (_("Place"), lambda record: record.place.name if record.place else ""),
    (_("Techniques"), lambda record: ", ".join(record.techniques)),
    (_("Materials"), lambda record: ", ".join(record.materials)),
)
VIEW_LABELS = {ItemImage.View.THEN: ("Tada", "Then"), ItemImage.View.NOW: ("Dabar", "Now")}


def image_service(identifier: str) -> list[ServiceV3]:
    return [ServiceV3(id=image_service_url(identifier), type="ImageService3", profile="level2")]


def provider_name() -> dict[str, list[str]]:
    return {language: [site_names.provider_name(language)] for language, _name in settings.LANGUAGES}


def provider() -> Provider:
    return Provider(
        id=f"{base_url()}/#provider",
        label=provider_name(),
        homepage=[
            Homepage(
                id=settings.ARCHIVE_PROVIDER_HOMEPAGE,
                type="Text",
                format="text/html",
                label=fixed("Bibliotekos svetainė", "Library website"),
            )
        ],
        logo=[provider_logo()],
    )


def item_manifest(item: ItemPage) -> Manifest:
    pages = translations(item)
    records = {code: item_record(page) for code, page in pages.items()}
    manifest_id = manifest_url(item.inventory_number)
    manifest = Manifest(
        id=manifest_id,
        label=language_map(records, lambda record: record.title),
        summary=language_map(records, lambda record: record.description),
        metadata=item_metadata(item, records),
        rights=item.rights,
        provider=[provider()],
        homepage=[
            Homepage(id=page.full_url, type="Text", format="text/html", language=[code], label={code: [page.title]})
            for code, page in pages.items()
            if page.full_url
        ],
        partOf=[{"id": collection_url(item.get_parent().slug), "type": "Collection"}],
        seeAlso=see_also(item.inventory_number),
    )
    credit = language_map(records, lambda record: record.credit_line)
    if credit != {"none": [""]}:
        manifest.requiredStatement = attribution(credit)
    add_canvases(manifest, manifest_id, pages)
    add_place(manifest, item)
    return manifest


def attribution(value: dict[str, list[str]] | None = None) -> KeyValueString:
    """The statement a viewer must show; collections name the provider (Mirador 3 expects one on every
    collection and shows a blank page without it)."""
    return KeyValueString(label=fixed("Priskyrimas", "Attribution"), value=value or provider_name())


def item_metadata(item: ItemPage, records: dict[str, ItemRecord]) -> list[KeyValueString]:
    """Label/value pairs in each language, from each language's record; empty values are left out."""
    entries = (*METADATA, *((field.label, attrgetter(field.name)) for field in fields_for(MANIFEST)))
    pairs = []
    for label, value in entries:
        texts = language_map(records, value)
        if texts != {"none": [""]}:
            pairs.append(KeyValueString(label=translated(label), value=texts))
    if item.is_sample:
        pairs.append(KeyValueString(label=fixed("Pastaba", "Note"), value=fixed("Pavyzdiniai duomenys", "Sample data")))
    return pairs


def add_canvases(manifest: Manifest, manifest_id: str, pages: dict) -> None:
    links_by_language = {code: page.ordered_images() for code, page in pages.items()}
    original = links_by_language["lt"] if "lt" in links_by_language else next(iter(links_by_language.values()))
    notes = notes_by_image(pages)
    for position, link in enumerate(original, start=1):
        image = link.image
        canvas_id = f"{manifest_id}/canvas/{position}"
        labels = {
            code: caption_of(links[position - 1]) if position <= len(links) else caption_of(link)
            for code, links in links_by_language.items()
        }
        canvas = paint_canvas(manifest, canvas_id, canvas_label(link, labels), image)
        add_notes(canvas, notes.get(position, {}))
        if position == 1:
            manifest.thumbnail = [thumbnail(image)]
            manifest.rendering = [download(image)]


def paint_canvas(manifest: Manifest, canvas_id: str, label: dict, image) -> Canvas:
    """A canvas the size of the image, painted with it through our Image API service."""
    canvas = manifest.make_canvas(id=canvas_id, label=label, width=image.width, height=image.height)
    canvas.add_image(
        image_url=f"{image_service_url(image.iiif_identifier)}/full/max/0/default.jpg",
        anno_id=f"{canvas_id}/page/painting",
        anno_page_id=f"{canvas_id}/page",
        format="image/jpeg",
        width=image.width,
        height=image.height,
        service=image_service(image.iiif_identifier),
    )
    return canvas


def caption_of(link: ItemImage) -> str:
    return link.caption or link.alt_text


def canvas_label(link: ItemImage, captions: dict[str, str]) -> dict[str, list[str]]:
    label = {}
    for code, caption in captions.items():
        prefix = ""
        if link.view in VIEW_LABELS:
            prefix = VIEW_LABELS[link.view][0 if code == "lt" else 1] + ": "
        label[code] = [f"{prefix}{caption}".strip() or "-"]
    return label


def thumbnail(image) -> AnnotationBody:
    height = max(1, round(image.height * THUMBNAIL_WIDTH / image.width))
    return AnnotationBody(
        id=f"{image_service_url(image.iiif_identifier)}/full/{THUMBNAIL_WIDTH},/0/default.jpg",
        type="Image",
        format="image/jpeg",
        width=THUMBNAIL_WIDTH,
        height=height,
        service=image_service(image.iiif_identifier),
    )


def download(image) -> LinkedResource:
    return LinkedResource(
        id=f"{image_service_url(image.iiif_identifier)}/full/max/0/default.jpg",
        type="Image",
        format="image/jpeg",
        label=fixed("Atsisiųsti didžiausią vaizdą", "Download the largest image"),
    )


def add_place(manifest: Manifest, item: ItemPage) -> None:
    place = item.place
    if place is None or not place.has_coordinates:
        return
    manifest.add_context(NAVPLACE_CONTEXT)
    manifest.add_navplace_feature(
        id=f"{manifest.id}/feature/1",
        feature_collection_id=f"{manifest.id}/feature-collection",
        label=fixed(place.name, place.name_en or place.name),
        geometry={"type": "Point", "coordinates": [float(place.longitude), float(place.latitude)]},
    )


def collection_document(collection: CollectionPage) -> Collection:
    pages = translations(collection)
    document = Collection(
        id=collection_url(collection.slug),
        label=language_map(pages, lambda page: page.title),
        summary=language_map(pages, lambda page: plain_text(page.intro)),
        requiredStatement=attribution(),
        provider=[provider()],
        partOf=[{"id": collection_url("top"), "type": "Collection"}],
        items=[manifest_reference(item) for item in listed_items(collection)],
    )
    return document


def listed_items(collection: CollectionPage):
    """The collection's published items that have a manifest, by inventory number."""
    return items_with_manifests(collection.items()).order_by("inventory_number").prefetch_related("images__image")


def manifest_reference(item: ItemPage) -> ManifestRef:
    reference = ManifestRef(
        id=manifest_url(item.inventory_number),
        type="Manifest",
        label=language_map(translations(item), lambda page: page.title),
    )
    first = next(iter(item.ordered_images()), None)
    if first is not None:
        reference.thumbnail = [thumbnail(first.image)]
    return reference


def top_collection(collections) -> Collection:
    """The archive's collections that list at least one manifest."""
    collections = [page for page in collections if listed_items(page).exists()]
    return Collection(
        id=collection_url("top"),
        label=fixed("Klaipėdos paveldo archyvas", "Klaipėda heritage archive"),
        summary=fixed(
            "Vitražai, monumentalioji dailė ir (ne)pamirštas miestas.",
            "Stained glass, monumental painting and the (not)forgotten city.",
        ),
        requiredStatement=attribution(),
        provider=[provider()],
        items=[
            CollectionRef(
                id=collection_url(page.slug),
                type="Collection",
                label=language_map(translations(page), lambda p: p.title),
            )
            for page in collections
        ],
    )
