"""Writing validated seed records: vocabularies, the home page, collections and items, in lt and en."""

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from taggit.models import Tag
from wagtail.models import Locale, Page, Site

from archive.catalogue.models import (
    CollectionPage,
    HomePage,
    ItemPage,
)
from archive.dating.models import known_periods
from archive.vocabularies.models import Creator, Material, Place, PlaceName, SubjectName, Technique
from media.ingest import ingest_image
from media.models import DigitizedImage

from .exhibitions import write_exhibitions
from .item_fields import ItemContext, apply_record, complete
from .source import CollectionSource, SeedSource
from .text import paragraphs, pick
from .validation import record_years

LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)
Report = Callable[[str], None]


def fingerprint(*parts: Any) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


class SeedWriter:
    def __init__(self, source: SeedSource, report: Report):
        self.source, self.report = source, report
        self.locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}
        self.periods = known_periods()
        self.counts = {"created": 0, "updated": 0, "unchanged": 0}

    def write(self) -> None:
        self.write_vocabularies()
        home = self.ensure_home()
        total = sum(len(collection.items) for collection in self.source.collections)
        written = []
        for order, collection_source in enumerate(self.sorted_collections(), start=1):
            collection = self.write_collection(home, collection_source, order)
            for record in collection_source.items:
                record = complete(record, collection_source.meta.get("default_rights", ""))
                outcome = self.write_item(collection, collection_source, record)
                self.counts[outcome] += 1
                written.append(record)
                number, title = record["inventory_number"], pick(record["title"], "lt")
                self.report(f"[{len(written):>3}/{total}] {number} {title}: {outcome}")
        self.write_related_items(written)
        write_exhibitions(self.source, home, self.upsert, fingerprint)

    def sorted_collections(self) -> list[CollectionSource]:
        return sorted(self.source.collections, key=lambda c: (c.meta.get("order", 999), c.meta["slug"]))

    def write_vocabularies(self) -> None:
        for model, entries in ((Technique, self.source.techniques), (Material, self.source.materials)):
            for entry in entries:
                model.objects.update_or_create(
                    key=entry["key"], defaults={"name": entry["lt"], "name_en": entry.get("en", "")}
                )
        for entry in self.source.subjects:
            tag = Tag.objects.filter(name=entry["lt"]).first() or Tag.objects.create(name=entry["lt"])
            SubjectName.objects.update_or_create(tag=tag, defaults={"name_en": entry["en"]})
        for entry in self.source.creators:
            Creator.objects.update_or_create(
                key=entry["key"],
                defaults={
                    "name": entry["name"],
                    "name_en": entry.get("name_en", ""),
                    "kind": entry.get("kind", Creator.Kind.PERSON),
                    "life_dates": entry.get("life_dates", ""),
                    "note": entry.get("note", ""),
                },
            )
        for entry in self.source.places:
            self.write_place(entry)

    def write_place(self, entry: dict) -> None:
        place = Place.objects.filter(key=entry["key"]).first() or Place(key=entry["key"])
        place.name, place.name_en = entry["name"], entry.get("name_en", "")
        place.address, place.building = entry.get("address", ""), entry.get("building", "")
        place.latitude, place.longitude = entry.get("latitude"), entry.get("longitude")
        place.status = entry.get("status", Place.Status.EXISTING)
        place.historic_names = [
            PlaceName(
                name=name["name"],
                language=name["language"],
                from_year=name.get("from"),
                to_year=name.get("to"),
                era=name.get("era", ""),
                sort_order=order,
            )
            for order, name in enumerate(entry.get("names") or [])
        ]
        place.save()

    def ensure_home(self) -> HomePage:
        home = HomePage.objects.filter(locale=self.locales["lt"]).first()
        if home is None:
            root = Page.get_first_root_node()
            home = root.add_child(
                instance=HomePage(
                    title="Klaipėdos paveldo archyvas",
                    slug="pradzia",
                    locale=self.locales["lt"],
                    intro="<p>Vitražai, monumentalioji dailė ir (ne)pamirštas miestas.</p>",
                )
            )
            self.report("Created the home page")
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name="Klaipėdos paveldo archyvas",
            )
        elif site.root_page_id != home.pk:
            site.root_page = home
            site.save()
        self.remove_wagtail_welcome_page(home)
        english = home.get_translation_or_none(self.locales["en"])
        if english is None:
            english = home.copy_for_translation(self.locales["en"])
            english.title = "Klaipėda heritage archive"
            english.intro = "<p>Stained glass, monumental painting and the (not)forgotten city.</p>"
            english.save_revision().publish()
        return home

    def remove_wagtail_welcome_page(self, home: HomePage) -> None:
        """Wagtail's first migration leaves a placeholder 'Welcome' page; an empty one is ours to remove."""
        for page in Page.objects.filter(depth=2, content_type__model="page", content_type__app_label="wagtailcore"):
            if page.pk != home.pk and not page.get_children().exists():
                page.delete()

    def write_collection(self, home: HomePage, source: CollectionSource, order: int) -> CollectionPage:
        meta = source.meta
        hero = self.image_for(source.folder / meta["hero_image"]) if meta.get("hero_image") else None
        collection = CollectionPage.objects.filter(locale=self.locales["lt"], slug=meta["slug"]).first()

        def fill(page: CollectionPage, language: str) -> None:
            page.title = pick(meta["title"], language)
            page.intro = paragraphs(pick(meta.get("intro"), language))
            page.curator_note = paragraphs(pick(meta.get("curator_note"), language))
            page.hero_image = hero
            page.default_rights = meta.get("default_rights", "")
            page.is_sample = bool(meta.get("sample", False))

        stamp = fingerprint(meta, hero.pk if hero else None)
        return self.upsert(home, collection, CollectionPage(slug=meta["slug"]), fill, stamp)[0]

    def write_item(self, collection: CollectionPage, source: CollectionSource, record: dict) -> str:
        """Create or update one item from a record; a key the record lacks leaves that field as it is."""
        context = ItemContext(
            periods=self.periods,
            years=record_years(record.get("date"), self.periods),
            images=[(self.image_for(source.folder / entry["file"]), entry) for entry in record.get("images") or []],
            is_sample=bool(source.meta.get("sample", False)),
        )
        if "rights" not in record and not self.existing_item(record["inventory_number"]):
            record = {**record, "rights": source.meta.get("default_rights", "")}
        item = self.existing_item(record["inventory_number"])

        def fill(page: ItemPage, language: str) -> None:
            apply_record(page, record, language, context)

        stamp = fingerprint(record, [image.pk for image, _entry in context.images], collection.pk)
        slug = record["inventory_number"].lower().replace(".", "-").replace("_", "-")
        return self.upsert(collection, item, ItemPage(slug=slug), fill, stamp)[1]

    def existing_item(self, inventory_number: str) -> ItemPage | None:
        return ItemPage.objects.filter(locale=self.locales["lt"], inventory_number=inventory_number).first()

    def upsert(self, parent: Page, page: Page | None, blank: Page, fill, stamp: str) -> tuple[Page, str]:
        """Create or update a page in Lithuanian and its English translation; skip when nothing changed."""
        if page is not None and getattr(page, "seed_fingerprint", None) == stamp and page.live:
            return page, "unchanged"
        outcome = "updated" if page is not None else "created"
        if page is None:
            page = blank
            page.locale = self.locales["lt"]
            fill(page, "lt")
            page.seed_fingerprint = stamp
            parent.add_child(instance=page)
        else:
            if page.get_parent().pk != parent.pk:
                page.move(parent, pos="last-child")
                page.refresh_from_db()
            fill(page, "lt")
            page.seed_fingerprint = stamp
        page.save_revision().publish()
        translation = page.get_translation_or_none(self.locales["en"])
        if translation is None:
            translation = page.copy_for_translation(self.locales["en"])
        translation = translation.specific
        fill(translation, "en")
        translation.seed_fingerprint = stamp
        translation.save_revision().publish()
        return page, outcome

    def image_for(self, path: Path) -> DigitizedImage:
        identifier = image_identifier(path)
        # The collections folder is the source of its images: a changed sample file replaces its original.
        return ingest_image(path, identifier=identifier, title=identifier, replace=True)

    def write_related_items(self, records: list[dict]) -> None:
        """Link related items once all exist; a record without a 'related' key keeps its links."""
        for record in records:
            if "related" not in record:
                continue
            for language in LANGUAGES:
                locale = self.locales[language]
                item = ItemPage.objects.filter(locale=locale, inventory_number=record["inventory_number"]).first()
                if item is None:
                    continue
                related = list(ItemPage.objects.filter(locale=locale, inventory_number__in=record["related"]))
                if {page.pk for page in related} != set(item.related_items.values_list("pk", flat=True)):
                    item.related_items.set(related)
                    item.save_revision().publish()


def image_identifier(path: Path) -> str:
    """A stable IIIF identifier from the file name: 'KVB-VIT-001-1.jpg' becomes 'kvb-vit-001-1'."""
    return path.stem.lower()
