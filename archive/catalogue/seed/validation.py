"""Checking every seed record before anything is written, so a bad file loads nothing."""

import datetime
import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import translation
from PIL import Image

from archive.catalogue.fields import ITEM_FIELDS
from archive.catalogue.identifiers import is_inventory_number, refusal
from archive.catalogue.models import ItemCreator, ItemImage, WorkEvent
from archive.catalogue.regions import RegionError, parse_region
from archive.dating.models import known_periods
from archive.dating.parser import DateParseError, parse_date
from archive.vocabularies.models import Creator, Place, PlaceName
from archive.vocabularies.rights import RIGHTS_URIS
from media.ingest import IngestError, verify_image

from .source import CollectionSource, SeedSource

SLUG_PATTERN = re.compile(r"^[a-z0-9-]{1,80}$")
EARLIEST_PLAUSIBLE_YEAR = 1000


@dataclass(frozen=True)
class Problem:
    file: Path
    record: str
    field: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: {self.record}: {self.field}: {self.reason}"


class Checker:
    """Collects the problems of one file's records."""

    def __init__(self, file: Path, record: str, problems: list[Problem]):
        self.file, self.record, self.problems = file, record, problems

    def fail(self, field: str, reason: str) -> None:
        self.problems.append(Problem(self.file, self.record, field, reason))

    def text(self, data: dict, key: str, required: bool = False) -> None:
        value = data.get(key)
        if value is None or value == "":
            if required:
                self.fail(key, "is required")
        elif not isinstance(value, str):
            self.fail(key, "must be text")

    def bilingual(self, data: dict, key: str, required: bool = False) -> None:
        value = data.get(key)
        if value is None:
            if required:
                self.fail(key, "is required (a mapping with 'lt' and 'en')")
            return
        if not isinstance(value, dict) or set(value) - set(dict(settings.LANGUAGES)):
            self.fail(key, "must be a mapping with 'lt' and optionally 'en'")
            return
        if required and not value.get("lt"):
            self.fail(f"{key}.lt", "is required")
        for language, text in value.items():
            if text is not None and not isinstance(text, str):
                self.fail(f"{key}.{language}", "must be text")

    def keys(self, data: dict, key: str, known: set[str]) -> None:
        value = data.get(key) or []
        if not isinstance(value, list):
            self.fail(key, "must be a list")
            return
        for entry in value:
            if entry not in known:
                self.unknown(key, entry, known, f"unknown key '{entry}' (not defined in the shared vocabulary files)")

    def unknown(self, field: str, value: Any, known: Collection[str], reason: str) -> None:
        """A key or URI that names nothing known. The seed loader says which file defines them; the
        spreadsheet importer overrides this to list the valid ones or say where to find them."""
        self.fail(field, reason)


def validate(source: SeedSource) -> list[Problem]:
    problems: list[Problem] = []
    periods = known_periods()
    vocabulary_keys = validate_vocabularies(source, problems)
    validate_subject_names(source, problems)
    inventory_numbers = collect_inventory_numbers(source, problems)
    slugs: set[str] = set()
    for collection in source.collections:
        validate_collection(collection, slugs, problems)
    for collection, position, record in source.all_items():
        label = record_label(record, position)
        check = Checker(collection.items_file, label, problems)
        validate_item(record, collection, check, vocabulary_keys, inventory_numbers, periods)
    from .exhibitions import validate_exhibitions  # exhibitions.py builds on this module's checks

    validate_exhibitions(source, problems)
    return problems


def record_label(record: Any, position: int) -> str:
    number = record.get("inventory_number") if isinstance(record, dict) else None
    return f"record {position} ({number})" if number else f"record {position}"


def validate_vocabularies(source: SeedSource, problems: list[Problem]) -> dict[str, set[str]]:
    kinds = {
        "techniques": (source.techniques, source.root / "vocabularies.yaml", ("lt",)),
        "materials": (source.materials, source.root / "vocabularies.yaml", ("lt",)),
        "creators": (source.creators, source.root / "creators.yaml", ("name",)),
        "places": (source.places, source.root / "places.yaml", ("name",)),
    }
    found: dict[str, set[str]] = {}
    for kind, (entries, path, required) in kinds.items():
        keys: set[str] = set()
        for position, entry in enumerate(entries, start=1):
            check = Checker(path, f"{kind} {position}", problems)
            if not isinstance(entry, dict):
                check.fail("-", "must be a mapping of fields")
                continue
            key = entry.get("key")
            if not isinstance(key, str) or not SLUG_PATTERN.match(key):
                check.fail("key", "is required: lower-case letters, digits and hyphens")
            elif key in keys:
                check.fail("key", f"duplicate key '{key}'")
            keys.add(key)
            for name in required:
                check.text(entry, name, required=True)
            if kind == "creators" and entry.get("kind", "person") not in Creator.Kind.values:
                check.fail("kind", f"must be one of {', '.join(Creator.Kind.values)}")
            if kind == "places":
                validate_place(entry, check)
                validate_place_names(entry.get("names") or [], check)
        found[kind] = keys
    return found


def validate_subject_names(source: SeedSource, problems: list[Problem]) -> None:
    """`subjects:` in vocabularies.yaml: each subject (as items write it) once, with its English name."""
    seen: set[str] = set()
    for position, entry in enumerate(source.subjects, start=1):
        check = Checker(source.root / "vocabularies.yaml", f"subjects {position}", problems)
        if not isinstance(entry, dict) or set(entry) - set(dict(settings.LANGUAGES)):
            check.fail("-", "must be a mapping with 'lt' and 'en'")
            continue
        check.text(entry, "lt", required=True)
        check.text(entry, "en", required=True)
        if entry.get("lt") in seen:
            check.fail("lt", f"duplicate subject '{entry['lt']}'")
        seen.add(entry.get("lt"))


def validate_place(entry: dict, check: Checker) -> None:
    if entry.get("status", "existing") not in Place.Status.values:
        check.fail("status", f"must be one of {', '.join(Place.Status.values)}")
    for name, limit in (("latitude", 90), ("longitude", 180)):
        value = entry.get(name)
        if value is not None and (not isinstance(value, int | float) or abs(value) > limit):
            check.fail(name, f"must be a number between -{limit} and {limit}")
    if (entry.get("latitude") is None) != (entry.get("longitude") is None):
        check.fail("latitude", "give both latitude and longitude, or neither")


def validate_place_names(names: Any, check: Checker) -> None:
    if not isinstance(names, list):
        check.fail("names", "must be a list")
        return
    for position, entry in enumerate(names, start=1):
        field = f"names[{position}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            check.fail(f"{field}.name", "is required")
            continue
        if entry.get("language") not in PlaceName.Language.values:
            check.fail(f"{field}.language", f"must be one of {', '.join(PlaceName.Language.values)}")
        years = [entry.get(key) for key in ("from", "to") if entry.get(key) is not None]
        if any(not isinstance(year, int) for year in years):
            check.fail(f"{field}.from", "years must be whole numbers")
        elif len(years) == 2 and years[0] > years[1]:
            check.fail(f"{field}.from", f"bad year range: {years[0]} is after {years[1]}")


def collect_inventory_numbers(source: SeedSource, problems: list[Problem]) -> set[str]:
    seen: dict[str, Path] = {}
    for collection, position, record in source.all_items():
        number = record.get("inventory_number") if isinstance(record, dict) else None
        if not isinstance(number, str):
            continue
        if number in seen:
            where = "earlier in this file" if seen[number] == collection.items_file else f"in {seen[number]}"
            problems.append(
                Problem(
                    collection.items_file,
                    record_label(record, position),
                    "inventory_number",
                    f"duplicate inventory number '{number}' (also {where})",
                )
            )
        seen.setdefault(number, collection.items_file)
    return set(seen)


def validate_collection(collection: CollectionSource, slugs: set[str], problems: list[Problem]) -> None:
    meta = collection.meta
    check = Checker(collection.meta_file, "collection", problems)
    slug = meta.get("slug")
    if not isinstance(slug, str) or not SLUG_PATTERN.match(slug):
        check.fail("slug", "is required: lower-case letters, digits and hyphens")
    elif slug in slugs:
        check.fail("slug", f"duplicate collection slug '{slug}'")
    slugs.add(slug)
    check.bilingual(meta, "title", required=True)
    check.bilingual(meta, "intro")
    check.bilingual(meta, "curator_note")
    rights = meta.get("default_rights")
    if rights is not None and rights not in RIGHTS_URIS:
        check.fail("default_rights", f"unknown rights URI '{rights}' (see archive/vocabularies/rights.py)")
    hero = meta.get("hero_image")
    if hero is not None and not (collection.folder / str(hero)).is_file():
        check.fail("hero_image", f"file {collection.folder / str(hero)} does not exist")


def validate_item(
    record: Any,
    collection: CollectionSource,
    check: Checker,
    vocabulary_keys: dict[str, set[str]],
    inventory_numbers: set[str],
    periods: dict,
    partial: bool = False,
) -> None:
    """Check one record; `partial` (an update from a spreadsheet) checks only the keys the record has."""
    if not isinstance(record, dict):
        check.fail("-", "must be a mapping of fields")
        return
    number = record.get("inventory_number")
    if not is_inventory_number(number):
        check.fail("inventory_number", refusal(number, translated=False) if number else "is required")
    if not partial or "title" in record:
        check.bilingual(record, "title", required=True)
    for item_field in ITEM_FIELDS:
        (check.bilingual if item_field.bilingual else check.text)(record, item_field.name)
    if not partial or "rights" in record:
        validate_rights(record, collection, check)
    validate_date(record.get("date"), check, periods)
    validate_creators(record.get("creators") or [], check, vocabulary_keys["creators"])
    place = record.get("place")
    if place is not None and place not in vocabulary_keys["places"]:
        check.unknown("place", place, vocabulary_keys["places"], f"unknown place key '{place}' (not in places.yaml)")
    check.keys(record, "techniques", vocabulary_keys["techniques"])
    check.keys(record, "materials", vocabulary_keys["materials"])
    check.keys(record, "related", inventory_numbers)
    validate_images(record.get("images") or [], collection.folder, check)
    validate_life(record.get("life") or [], check, periods)
    validate_notes(record.get("notes") or [], record.get("images") or [], collection.folder, check)


def validate_rights(record: dict, collection: CollectionSource, check: Checker) -> None:
    rights = record.get("rights") or collection.meta.get("default_rights")
    if not rights:
        check.fail("rights", "is required (or set default_rights in collection.yaml)")
    elif rights not in RIGHTS_URIS:
        check.unknown(
            "rights", rights, RIGHTS_URIS, f"unknown rights URI '{rights}' (see archive/vocabularies/rights.py)"
        )


def record_years(date: dict | None, periods: dict) -> tuple[int | None, int | None]:
    """The record's years: as given, or else read from its date text (raises DateParseError)."""
    if not date:
        return None, None
    if date.get("earliest") is not None or date.get("latest") is not None:
        return date.get("earliest"), date.get("latest")
    parsed = parse_date(date.get("text", ""), periods)
    return parsed.earliest, parsed.latest


def validate_date(date: Any, check: Checker, periods: dict) -> None:
    if date is None:
        return
    if not isinstance(date, dict):
        check.fail("date", "must be a mapping with text and optionally earliest and latest")
        return
    earliest, latest = date.get("earliest"), date.get("latest")
    check.text(date, "text", required=earliest is None and latest is None)  # years alone are a date too
    if (earliest is None) != (latest is None):
        check.fail("date", "give both earliest and latest years, or neither (they are then read from the text)")
        return
    if earliest is None:
        try:
            record_years(date, periods)
        except DateParseError as error:
            check.fail("date.text", str(error))
        return
    this_year = datetime.date.today().year
    for name, year in (("earliest", earliest), ("latest", latest)):
        if not isinstance(year, int) or isinstance(year, bool):
            check.fail(f"date.{name}", f"must be a whole year, got {year!r}")
            return
        if not EARLIEST_PLAUSIBLE_YEAR <= year <= this_year:
            check.fail(f"date.{name}", f"year {year} is outside {EARLIEST_PLAUSIBLE_YEAR}-{this_year}")
    if earliest > latest:
        check.fail("date", f"bad year range: earliest {earliest} is after latest {latest}")


def validate_creators(creators: Any, check: Checker, known: set[str]) -> None:
    if not isinstance(creators, list):
        check.fail("creators", "must be a list")
        return
    for entry in creators:
        if not isinstance(entry, dict) or entry.get("creator") not in known:
            key = entry.get("creator") if isinstance(entry, dict) else entry
            check.unknown("creators", key, known, f"unknown creator key '{key}' (not in creators.yaml)")
        elif entry.get("role", "artist") not in ItemCreator.Role.values:
            check.fail("creators.role", f"must be one of {', '.join(ItemCreator.Role.values)}")


def validate_images(images: Any, folder: Path, check: Checker) -> None:
    if not isinstance(images, list):
        check.fail("images", "must be a list")
        return
    for position, entry in enumerate(images, start=1):
        field = f"images[{position}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("file"), str):
            check.fail(f"{field}.file", "is required")
            continue
        check.bilingual(entry, "caption")
        check.bilingual(entry, "alt", required=True)
        if entry.get("view") not in (None, *ItemImage.View.values):
            check.fail(f"{field}.view", "must be 'then' or 'now'")
        path = folder / entry["file"]
        if not path.is_file():
            check.fail(f"{field}.file", f"file {path} does not exist (run collections/make_sample_images.py?)")
            continue
        try:
            verify_image(path)
        except IngestError as error:
            check.fail(f"{field}.file", f"broken image {path}: {error}")


def validate_life(events: Any, check: Checker, periods: dict) -> None:
    if not isinstance(events, list):
        check.fail("life", "must be a list of events")
        return
    for position, entry in enumerate(events, start=1):
        field = f"life[{position}]"
        if not isinstance(entry, dict) or entry.get("event") not in WorkEvent.Kind.values:
            check.fail(f"{field}.event", f"must be one of {', '.join(WorkEvent.Kind.values)}")
            continue
        if entry.get("date"):
            try:
                parse_date(str(entry["date"]), periods)
            except DateParseError as error:
                check.fail(f"{field}.date", str(error))


def validate_notes(notes: Any, images: Any, folder: Path, check: Checker) -> None:
    if not isinstance(notes, list):
        check.fail("notes", "must be a list of notes on details")
        return
    files = [entry.get("file") for entry in images if isinstance(entry, dict)] if isinstance(images, list) else []
    for position, entry in enumerate(notes, start=1):
        field = f"notes[{position}]"
        if not isinstance(entry, dict):
            check.fail(field, "must be a mapping with image, region and note")
            continue
        check.bilingual(entry, "note", required=True)
        number = entry.get("image", 1)
        if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= len(files):
            check.fail(f"{field}.image", f"must be the number of one of the record's {len(files)} image(s)")
            continue
        try:
            with translation.override("en"):  # the loader reports every problem in English
                parse_region(str(entry.get("region", "")), *image_size(folder, files[number - 1]))
        except RegionError as error:
            check.fail(f"{field}.region", str(error))


def image_size(folder: Path, file: Any) -> tuple[int | None, int | None]:
    """The pixel size of a record's image file, or (None, None) when validate_images reports it missing."""
    path = folder / file if isinstance(file, str) else None
    if path is None or not path.is_file():
        return None, None
    try:
        with Image.open(path) as image:
            return image.size
    except OSError:
        return None, None
