"""An item page read once into plain values, so citations, JSON-LD, exports and OAI share one reading.

Formats never touch the ORM: they get an ItemRecord, which keeps them pure and testable without pages,
and lets an export stream thousands of records without page objects piling up.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import translation
from wagtail.models import Page

from archive.catalogue.fields import RECORD, fields_for
from archive.catalogue.models import CollectionPage, ItemPage
from archive.core.plain_text import plain_text
from archive.dating.edtf import Dating, dating
from archive.manifests.addresses import manifest_url
from archive.vocabularies.models import Creator, subject_label
from archive.vocabularies.rights import rights_label
from media.addresses import image_service_url

RECORD_FIELDS = {item_field.name: item_field for item_field in fields_for(RECORD)}


@dataclass(frozen=True)
class CreatorRecord:
    name: str
    role: str
    role_label: str
    is_person: bool


@dataclass(frozen=True)
class PlaceRecord:
    name: str
    address: str
    latitude: float | None
    longitude: float | None
    town: str = ""


@dataclass(frozen=True)
class ImageRecord:
    iiif_identifier: str
    width: int
    height: int
    alt_text: str

    @property
    def service_url(self) -> str:
        return image_service_url(self.iiif_identifier)


@dataclass(frozen=True)
class CollectionRecord:
    title: str
    slug: str


@dataclass(frozen=True)
class ItemRecord:
    inventory_number: str
    language: str
    title: str
    rights: str
    alternative_titles: tuple[str, ...] = ()
    creators: tuple[CreatorRecord, ...] = ()
    date_text: str = ""
    year_earliest: int | None = None
    year_latest: int | None = None
    place: PlaceRecord | None = None
    techniques: tuple[str, ...] = ()
    materials: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    collection: CollectionRecord | None = None
    images: tuple[ImageRecord, ...] = field(default=())
    is_sample: bool = False
    # A citable detail of one image: "detail/<image number>/<x,y,w,h>/" after the item's permanent URL.
    detail_path: str = ""
    # The declared text fields the record carries (archive/catalogue/fields.py), as plain text by name;
    # read as attributes: record.dimensions.
    texts: Mapping[str, str] = field(default_factory=dict)

    def __getattr__(self, name: str) -> str:
        if name != "texts" and name in RECORD_FIELDS:
            return self.texts.get(name, "")
        raise AttributeError(name)

    @property
    def permanent_url(self) -> str:
        prefix = "" if self.language == settings.LANGUAGE_CODE else f"/{self.language}"
        return f"{settings.PUBLIC_BASE_URL}{prefix}/item/{self.inventory_number}/{self.detail_path}"

    @property
    def manifest_url(self) -> str:
        """The item's IIIF manifest, or "" when it has no images (a manifest needs a canvas)."""
        return manifest_url(self.inventory_number) if self.images else ""

    @property
    def rights_label(self) -> str:
        with translation.override(self.language):
            return rights_label(self.rights)

    @property
    def is_photograph(self) -> bool:
        return any(creator.role == "photographer" for creator in self.creators)

    @property
    def dating(self) -> Dating | None:
        return dating(self.date_text, self.year_earliest, self.year_latest)

    @property
    def year_span(self) -> str:
        """ "1935" or "1930/1939" (ISO 8601 interval), or "" when undated."""
        if self.year_earliest is None:
            return ""
        if self.year_latest in (None, self.year_earliest):
            return str(self.year_earliest)
        return f"{self.year_earliest}/{self.year_latest}"


def collection_of(item: ItemPage, collections: dict[str, CollectionRecord] | None = None) -> CollectionRecord | None:
    """The item's collection; `collections` (by tree path) spares a query per item in long lists."""
    parent_path = item.path[: -Page.steplen]
    if collections is not None:
        return collections.get(parent_path)
    parent = CollectionPage.objects.filter(path=parent_path).first()
    return CollectionRecord(parent.title, parent.slug) if parent else None


def collections_by_path() -> dict[str, CollectionRecord]:
    return {
        page.path: CollectionRecord(page.title, page.slug)
        for page in CollectionPage.objects.only("path", "title", "slug")
    }


def item_record(item: ItemPage, collections: dict[str, CollectionRecord] | None = None) -> ItemRecord:
    """Read an item page (its own language) into an ItemRecord; vocabulary labels follow that language."""
    language = item.locale.language_code if item.locale_id else settings.LANGUAGE_CODE
    with translation.override(language):
        return ItemRecord(
            inventory_number=item.inventory_number,
            language=language,
            title=item.title,
            rights=item.rights,
            alternative_titles=tuple(alt.text for alt in item.alternative_titles.all()),
            creators=tuple(
                CreatorRecord(
                    link.creator.label,
                    link.role,
                    str(link.get_role_display()),
                    link.creator.kind == Creator.Kind.PERSON,
                )
                for link in item.creators.all()
            ),
            date_text=item.date_text,
            year_earliest=item.year_earliest,
            year_latest=item.year_latest,
            place=place_record(item.place),
            techniques=tuple(term.label for term in item.techniques.all()),
            materials=tuple(term.label for term in item.materials.all()),
            subjects=tuple(subject_label(tag) for tag in item.subjects.all()),
            collection=collection_of(item, collections),
            images=tuple(
                ImageRecord(link.image.iiif_identifier, link.image.width, link.image.height, link.alt_text)
                for link in item.images.all()
                if link.image_id
            ),
            is_sample=item.is_sample,
            texts=record_texts(item),
        )


def record_texts(item: ItemPage) -> dict[str, str]:
    return {
        name: plain_text(getattr(item, name)) if field.rich else getattr(item, name)
        for name, field in RECORD_FIELDS.items()
    }


def place_record(place) -> PlaceRecord | None:
    if place is None:
        return None
    address = ", ".join(part for part in (place.address, place.building) if part)
    return PlaceRecord(
        name=place.label,
        address=address,
        latitude=float(place.latitude) if place.latitude is not None else None,
        longitude=float(place.longitude) if place.longitude is not None else None,
        town=place.town,
    )


# What item_record reads beyond the page row: prefetch these when reading many items.
RECORD_PREFETCH = (
    "alternative_titles",
    "creators__creator",
    "techniques",
    "materials",
    "subjects",
    "subjects__english",
    "images__image",
)
RECORD_SELECT = ("place", "locale")
