"""Putting one record's fields on an item page, in one language.

Only the keys a record has are written: the seed loader passes complete records (see `complete`), the
spreadsheet importer passes just the columns a file has, so an import never clears what it does not mention.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from archive.catalogue.models import (
    ItemAlternativeTitle,
    ItemCreator,
    ItemDetailNote,
    ItemImage,
    ItemPage,
    WorkEvent,
)
from archive.catalogue.regions import parse_region
from archive.dating.parser import parse_date
from archive.vocabularies.models import Creator, Material, Place, Technique

from .text import paragraphs, pick

OPTIONAL_DEFAULTS = {
    "alternative_titles": [], "creators": [], "date": None, "place": None, "techniques": [], "materials": [],
    "dimensions": "", "description": None, "inscriptions": "", "provenance": None, "condition": None,
    "subjects": [], "credit_line": None, "images": [], "life": [], "notes": [],
    "related": [],
}


def complete(record: dict, default_rights: str) -> dict:
    """A seed record with every optional key, so that removing a key from a seed file clears the field."""
    return {**OPTIONAL_DEFAULTS, "rights": default_rights, **record}


@dataclass
class ItemContext:
    periods: dict
    years: tuple[int | None, int | None] = (None, None)
    images: list = field(default_factory=list)
    is_sample: bool = False


Setter = Callable[[ItemPage, object, str, ItemContext], None]


def set_date(page: ItemPage, date, language: str, context: ItemContext) -> None:
    date = date or {}
    page.date_text = (date.get("text_en") or date.get("text", "")) if language == "en" else date.get("text", "")
    page.year_earliest, page.year_latest = context.years


def set_life(page: ItemPage, entries, language: str, context: ItemContext) -> None:
    events = []
    for order, entry in enumerate(entries or []):
        parsed = parse_date(str(entry["date"]), context.periods) if entry.get("date") else None
        events.append(WorkEvent(
            kind=entry["event"], date_text=str(entry.get("date", "")), source=entry.get("source", ""),
            note=entry.get("note", ""), sort_order=order,
            year_earliest=parsed.earliest if parsed else None, year_latest=parsed.latest if parsed else None,
        ))
    page.life_events = events


def set_notes(page: ItemPage, entries, language: str, _context: ItemContext) -> None:
    page.detail_notes = [
        ItemDetailNote(image_number=entry.get("image", 1), region=str(parse_region(entry["region"])),
                       note=pick(entry["note"], language), sort_order=order)
        for order, entry in enumerate(entries or [])
    ]


def set_images(page: ItemPage, _entries, language: str, context: ItemContext) -> None:
    page.images = [
        ItemImage(image=image, caption=pick(entry.get("caption"), language), alt_text=pick(entry["alt"], language),
                  view=entry.get("view", ""), sort_order=order)
        for order, (image, entry) in enumerate(context.images)
    ]


SETTERS: dict[str, Setter] = {
    "title": lambda page, value, language, _c: setattr(page, "title", pick(value, language)),
    "date": set_date,
    "place": lambda page, key, _l, _c: setattr(page, "place", Place.objects.get(key=key) if key else None),
    "dimensions": lambda page, value, _l, _c: setattr(page, "dimensions", value or ""),
    "description": lambda page, value, language, _c: setattr(page, "description", paragraphs(pick(value, language))),
    "inscriptions": lambda page, value, _l, _c: setattr(page, "inscriptions", value or ""),
    "provenance": lambda page, value, language, _c: setattr(page, "provenance", pick(value, language)),
    "condition": lambda page, value, language, _c: setattr(page, "condition", pick(value, language)),
    "rights": lambda page, value, _l, _c: setattr(page, "rights", value),
    "credit_line": lambda page, value, language, _c: setattr(page, "credit_line", pick(value, language)),
    "techniques": lambda page, keys, _l, _c: setattr(page, "techniques",
                                                     list(Technique.objects.filter(key__in=keys or []))),
    "materials": lambda page, keys, _l, _c: setattr(page, "materials",
                                                    list(Material.objects.filter(key__in=keys or []))),
    "subjects": lambda page, names, _l, _c: page.subjects.set(list(names or [])),
    "alternative_titles": lambda page, texts, _l, _c: setattr(page, "alternative_titles", [
        ItemAlternativeTitle(text=text, sort_order=order) for order, text in enumerate(texts or [])
    ]),
    "creators": lambda page, entries, _l, _c: setattr(page, "creators", [
        ItemCreator(creator=Creator.objects.get(key=entry["creator"]), role=entry.get("role", "artist"),
                    sort_order=order)
        for order, entry in enumerate(entries or [])
    ]),
    "images": set_images,
    "life": set_life,
    "notes": set_notes,
}


def apply_record(page: ItemPage, record: dict, language: str, context: ItemContext) -> None:
    page.inventory_number = record["inventory_number"]
    page.is_sample = context.is_sample
    for key, setter in SETTERS.items():
        if key in record:
            setter(page, record[key], language, context)
