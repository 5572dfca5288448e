"""Seed exhibitions (`exhibitions.yaml` beside the collections, optional): checked like every record, then
written after the items they show, in Lithuanian and English.

Each exhibition is `{slug, title, intro, hero?, story}`; `hero` is an inventory number (its first image is the
hero image) and `story` a list of blocks, each a mapping with one key:

    - text: {lt: "...", en: "..."}                      # paragraphs, separated by a blank line
    - highlight: {item: KVB-VIT-001, image: 1, region: "x,y,w,h", caption: {lt: "...", en: "..."}}
    - gallery: {heading: {lt: "...", en: "..."}, items: [KVB-VIT-002, KVB-VIT-003]}
    - map: {heading: {lt: "...", en: "..."}}
    - timeline: {heading: {lt: "...", en: "..."}}
"""

from typing import Any

from wagtail.models import Page

from archive.catalogue.models import HomePage, ItemPage
from archive.catalogue.regions import RegionError, parse_region
from archive.exhibitions.models import ExhibitionPage

from .source import SeedSource
from .text import paragraphs, pick
from .validation import SLUG_PATTERN, Checker, Problem, image_size

BLOCKS = ("text", "highlight", "gallery", "map", "timeline")


def validate_exhibitions(source: SeedSource, problems: list[Problem]) -> None:
    path, slugs = source.root / "exhibitions.yaml", set()
    images = {
        record.get("inventory_number"): (collection.folder, record.get("images") or [])
        for collection, _position, record in source.all_items()
        if isinstance(record, dict)
    }
    inventory_numbers = set(images)
    for position, entry in enumerate(source.exhibitions, start=1):
        check = Checker(path, f"exhibition {position}", problems)
        if not isinstance(entry, dict):
            check.fail("-", "must be a mapping of fields")
            continue
        slug = entry.get("slug")
        if not isinstance(slug, str) or not SLUG_PATTERN.match(slug) or slug in slugs:
            check.fail("slug", "is required and unique: lower-case ASCII letters, digits and hyphens")
        slugs.add(slug)
        check.bilingual(entry, "title", required=True)
        check.bilingual(entry, "intro")
        if entry.get("hero") is not None and entry["hero"] not in inventory_numbers:
            check.fail("hero", f"unknown inventory number '{entry['hero']}'")
        story = entry.get("story")
        if not isinstance(story, list) or not story:
            check.fail("story", "is required: a list of blocks")
            continue
        for number, block in enumerate(story, start=1):
            validate_block(block, f"story.{number}", check, inventory_numbers, images)


def validate_block(block: Any, where: str, check: Checker, known: set[str], images: dict) -> None:
    if not isinstance(block, dict) or len(block) != 1 or next(iter(block)) not in BLOCKS:
        check.fail(where, f"must be a mapping with one of {', '.join(BLOCKS)}")
        return
    kind, value = next(iter(block.items()))
    if kind == "text":
        check.bilingual(block, "text", required=True)
        return
    if not isinstance(value, dict):
        check.fail(f"{where}.{kind}", "must be a mapping of fields")
        return
    check.bilingual(value, "heading")
    check.bilingual(value, "caption")
    items = value.get("items", []) if kind == "gallery" else [value.get("item")] if kind == "highlight" else []
    if kind == "gallery" and (not isinstance(items, list) or not items):
        check.fail(f"{where}.gallery.items", "is required: a list of inventory numbers")
        return
    for number in items:
        if number not in known:
            check.fail(f"{where}.{kind}", f"unknown inventory number '{number}'")
    if kind == "highlight" and value.get("item") in known:
        validate_highlight(value, f"{where}.highlight", check, images[value["item"]])


def validate_highlight(value: dict, where: str, check: Checker, item_images: tuple) -> None:
    folder, entries = item_images
    image = value.get("image", 1)
    if not isinstance(image, int) or not 1 <= image <= len(entries):
        check.fail(f"{where}.image", f"the item has {len(entries)} image(s): give 1 to {len(entries)}")
        return
    if value.get("region"):
        width, height = image_size(folder, entries[image - 1].get("file"))
        try:
            parse_region(str(value["region"]), width, height)
        except RegionError as error:
            check.fail(f"{where}.region", str(error))


def write_exhibitions(source: SeedSource, home: HomePage, upsert, stamp_of) -> None:
    """Create or update each exhibition under the home page; blocks point to the item page of their language."""
    for entry in source.exhibitions:
        existing = ExhibitionPage.objects.filter(locale=home.locale, slug=entry["slug"]).first()
        hero = first_image(entry.get("hero"), home.locale)

        def fill(page: ExhibitionPage, language: str, entry=entry, hero=hero) -> None:
            page.title = pick(entry["title"], language)
            page.intro = paragraphs(pick(entry.get("intro"), language))
            page.hero_image = hero
            locale = page.locale if page.locale_id else home.locale
            page.body = ExhibitionPage.body.field.stream_block.to_python(
                [raw_block(block, language, locale) for block in entry["story"]]
            )

        upsert(home, existing, ExhibitionPage(slug=entry["slug"]), fill, stamp_of(entry))


def first_image(inventory_number: str | None, locale):
    item = ItemPage.objects.filter(locale=locale, inventory_number=inventory_number).first()
    links = item.ordered_images() if item else []
    return links[0].image if links else None


def raw_block(block: dict, language: str, locale) -> dict:
    """A story block in the StreamField's stored form."""
    kind, value = next(iter(block.items()))
    if kind == "text":
        return {"type": "text", "value": paragraphs(pick(value, language))}
    if kind == "highlight":
        return {
            "type": "highlight",
            "value": {
                "item": item_id(value["item"], locale),
                "image_number": value.get("image", 1),
                "region": str(value.get("region") or ""),
                "caption": paragraphs(pick(value.get("caption"), language)),
            },
        }
    if kind == "gallery":
        return {
            "type": "gallery",
            "value": {
                "heading": pick(value.get("heading"), language),
                "items": [item_id(number, locale) for number in value["items"]],
            },
        }
    return {"type": kind, "value": {"heading": pick(value.get("heading"), language)}}


def item_id(inventory_number: str, locale) -> int | None:
    return (
        Page.objects.filter(itempage__inventory_number=inventory_number, locale=locale)
        .values_list("pk", flat=True)
        .first()
    )
