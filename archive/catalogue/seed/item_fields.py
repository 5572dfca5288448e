"""Putting one record's fields on an item page, in one language.

Only the keys a record has are written: the seed loader passes complete records (see `complete`), the
spreadsheet importer passes just the columns a file has, so an import never clears what it does not mention.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from taggit.models import Tag

from archive.catalogue.fields import ITEM_FIELDS, ItemField
from archive.catalogue.models import (
    ItemAlternativeTitle,
    ItemCreator,
    ItemDetailNote,
    ItemImage,
    ItemPage,
    ItemTag,
    WorkEvent,
)
from archive.catalogue.regions import parse_region
from archive.dating.parser import parse_date
from archive.vocabularies.models import Creator, Material, Place, Technique

from .text import paragraphs, pick

OPTIONAL_DEFAULTS = {
    "alternative_titles": [],
    "creators": [],
    "date": None,
    "place": None,
    "techniques": [],
    "materials": [],
    "subjects": [],
    "images": [],
    "life": [],
    "notes": [],
    "related": [],
    **{field.name: None if field.bilingual else "" for field in ITEM_FIELDS},
}


def complete(record: dict, default_rights: str) -> dict:
    """A seed record with every optional key, so that removing a key from a seed file clears the field."""
    return {**OPTIONAL_DEFAULTS, "rights": default_rights, **record}


class Terms:
    """Vocabulary terms and tags by key or name, each read once: the seed loader reads them as it goes, the
    importer preloads every term so that ten thousand rows cost no query each."""

    def __init__(self) -> None:
        self.by_key: dict[type, dict[str, object]] = {}
        self.tags_by_name: dict[str, Tag] = {}

    def preload(self) -> "Terms":
        for model in (Creator, Place, Technique, Material):
            self.by_key[model] = {term.key: term for term in model.objects.all()}
        return self

    def get(self, model: type, key: str):
        known = self.by_key.setdefault(model, {})
        if key not in known:
            known[key] = model.objects.get(key=key)
        return known[key]

    def many(self, model: type, keys) -> list:
        return [self.get(model, key) for key in keys or []]

    def tags(self, names) -> list[Tag]:
        """The tags with these names, creating the ones that do not exist yet."""
        missing = [name for name in names or [] if name not in self.tags_by_name]
        if missing:
            self.tags_by_name.update({tag.name: tag for tag in Tag.objects.filter(name__in=missing)})
            for name in dict.fromkeys(missing):
                if name not in self.tags_by_name:
                    self.tags_by_name[name] = Tag.objects.create(name=name)
        return [self.tags_by_name[name] for name in names or []]


@dataclass
class ItemContext:
    periods: dict
    years: tuple[int | None, int | None] = (None, None)
    images: list = field(default_factory=list)
    is_sample: bool = False
    terms: Terms = field(default_factory=Terms)


Setter = Callable[[ItemPage, object, str, ItemContext], None]


def set_date(page: ItemPage, date, language: str, context: ItemContext) -> None:
    date = date or {}
    page.date_text = (date.get("text_en") or date.get("text", "")) if language == "en" else date.get("text", "")
    page.year_earliest, page.year_latest = context.years


def set_life(page: ItemPage, entries, language: str, context: ItemContext) -> None:
    events = []
    for order, entry in enumerate(entries or []):
        parsed = parse_date(str(entry["date"]), context.periods) if entry.get("date") else None
        events.append(
            WorkEvent(
                kind=entry["event"],
                date_text=str(entry.get("date", "")),
                source=entry.get("source", ""),
                note=entry.get("note", ""),
                sort_order=order,
                year_earliest=parsed.earliest if parsed else None,
                year_latest=parsed.latest if parsed else None,
            )
        )
    page.life_events = events


def set_notes(page: ItemPage, entries, language: str, _context: ItemContext) -> None:
    page.detail_notes = [
        ItemDetailNote(
            image_number=entry.get("image", 1),
            region=str(parse_region(entry["region"])),
            note=pick(entry["note"], language),
            sort_order=order,
        )
        for order, entry in enumerate(entries or [])
    ]


def set_images(page: ItemPage, _entries, language: str, context: ItemContext) -> None:
    page.images = [
        ItemImage(
            image=image,
            caption=pick(entry.get("caption"), language),
            alt_text=pick(entry["alt"], language),
            view=entry.get("view", ""),
            sort_order=order,
        )
        for order, (image, entry) in enumerate(context.images)
    ]


def text_setter(field: ItemField) -> Setter:
    """A declared text field: its language's text (bilingual), as paragraphs (rich), or as written."""

    def setter(page: ItemPage, value, language: str, _context: ItemContext) -> None:
        text = pick(value, language) if field.bilingual else value or ""
        setattr(page, field.name, paragraphs(text) if field.rich else text)

    return setter


SETTERS: dict[str, Setter] = {
    "title": lambda page, value, language, _c: setattr(page, "title", pick(value, language)),
    "date": set_date,
    "place": lambda page, key, _l, context: setattr(page, "place", context.terms.get(Place, key) if key else None),
    "rights": lambda page, value, _l, _c: setattr(page, "rights", value),
    "techniques": lambda page, keys, _l, context: setattr(page, "techniques", context.terms.many(Technique, keys)),
    "materials": lambda page, keys, _l, context: setattr(page, "materials", context.terms.many(Material, keys)),
    # What page.subjects.set() leaves in memory, without its per-tag lookups (a tenth of an import's time).
    "subjects": lambda page, names, _l, context: setattr(
        page, "tagged_items", [ItemTag(tag=tag) for tag in context.terms.tags(names)]
    ),
    "alternative_titles": lambda page, texts, _l, _c: setattr(
        page,
        "alternative_titles",
        [ItemAlternativeTitle(text=text, sort_order=order) for order, text in enumerate(texts or [])],
    ),
    "creators": lambda page, entries, _l, context: setattr(
        page,
        "creators",
        [
            ItemCreator(
                creator=context.terms.get(Creator, entry["creator"]), role=entry.get("role", "artist"), sort_order=order
            )
            for order, entry in enumerate(entries or [])
        ],
    ),
    "images": set_images,
    "life": set_life,
    "notes": set_notes,
    **{field.name: text_setter(field) for field in ITEM_FIELDS},
}


def apply_record(page: ItemPage, record: dict, language: str, context: ItemContext) -> None:
    page.inventory_number = record["inventory_number"]
    page.is_sample = context.is_sample
    for key, setter in SETTERS.items():
        if key in record:
            setter(page, record[key], language, context)
