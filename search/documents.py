"""Turn catalogue pages into the flat documents our Elasticsearch index stores, one per page.

Documents are built from rows read in bulk (a handful of queries per thousand items) rather than from
page objects and their prefetched relations, which cost ten times as much at 100,000 items.
"""

import html
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import QuerySet
from wagtail.models import Page

from archive.catalogue.models import CollectionPage, ItemAlternativeTitle, ItemCreator, ItemPage, ItemTag
from archive.exhibitions.models import ExhibitionPage
from archive.vocabularies.models import PlaceName
from search.facet_table import FACETS

# Free-text fields and their weight; each is indexed per language (`title_lt`, `title_en`).
TEXT_FIELDS: dict[str, float] = {
    "title": 4.0,
    "alternative_titles": 3.0,
    "creators": 2.0,
    "place": 2.0,
    "techniques": 1.5,
    "subjects": 1.5,
    "collection": 1.0,
    "date_text": 1.0,
    "inscriptions": 1.0,
    "description": 1.0,
}
# Long fields get only the stemming analyser (which folds too): a second, unstemmed copy of every
# description costs a third of the indexing time and matters for short names, not for prose.
UNFOLDED_FIELDS = frozenset({"description", "inscriptions"})
LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)
TAG = re.compile(r"<[^>]*>")
ITEM_COLUMNS = (
    "pk",
    "title",
    "path",
    "locale__language_code",
    "inventory_number",
    "date_text",
    "year_earliest",
    "year_latest",
    "description",
    "inscriptions",
    "place__key",
    "place__name",
    "place__name_en",
    "work_status",
)


@dataclass
class ItemRecord:
    """What the index needs of one item, read in bulk; (key, names) pairs for each vocabulary term."""

    pk: int
    title: str
    path: str
    language: str
    inventory_number: str
    date_text: str
    year_earliest: int | None
    year_latest: int | None
    description: str
    inscriptions: str
    place: tuple[str, list[str]] | None
    work_status: str = ""  # a WorkStatus value, empty when no event in the work's life is recorded
    collection: tuple[str, str] | None = None  # slug, title
    alternative_titles: list[str] = field(default_factory=list)
    creators: list[tuple[str, list[str]]] = field(default_factory=list)
    techniques: list[tuple[str, list[str]]] = field(default_factory=list)
    subjects: list[tuple[str, list[str]]] = field(default_factory=list)


def plain_text(markup: str) -> str:
    return html.unescape(TAG.sub(" ", markup or ""))


def language_code(code: str) -> str:
    return code[:2] if code[:2] in LANGUAGES else LANGUAGES[0]


def sort_key(text: str) -> str:
    """Title order that ignores case and diacritics, so `Šv.` sorts with `Sv.` rather than after `Z`."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))[:200]


def names(*values: str) -> list[str]:
    return [value for value in dict.fromkeys(values) if value]


def item_document(item: ItemRecord) -> dict:
    text = {
        "title": item.title,
        "alternative_titles": item.alternative_titles,
        "creators": [name for _, term_names in item.creators for name in term_names],
        "place": item.place[1] if item.place else [],
        "techniques": [name for _, term_names in item.techniques for name in term_names],
        "subjects": [name for _, term_names in item.subjects for name in term_names],
        "collection": item.collection[1] if item.collection else "",
        "date_text": item.date_text,
        "inscriptions": item.inscriptions,
        "description": plain_text(item.description),
    }
    return {
        "kind": "item",
        "language": item.language,
        "page_id": item.pk,
        "inventory_number": item.inventory_number,
        "title_sort": sort_key(item.title),
        **{facet.index_field: facet.document_value(item) for facet in FACETS},
        "year_earliest": item.year_earliest,
        "year_latest": item.year_latest,
        **{f"{name}_{item.language}": value for name, value in text.items()},
    }


# Pages found beside the items, by their title and their text: kind in the index -> model.
FEATURE_MODELS = {"collection": CollectionPage, "exhibition": ExhibitionPage}


def feature_document(page: CollectionPage | ExhibitionPage) -> dict:
    language = language_code(page.locale.language_code)
    kind = next(kind for kind, model in FEATURE_MODELS.items() if isinstance(page, model))
    return {
        "kind": kind,
        "language": language,
        "page_id": page.pk,
        "title_sort": sort_key(page.title),
        f"title_{language}": page.title,
        f"description_{language}": story_text(page),
    }


def story_text(page: CollectionPage | ExhibitionPage) -> str:
    parts = [page.intro or "", getattr(page, "curator_note", "") or ""]
    body = getattr(page, "body", None)
    if body is not None:
        parts += strings_in(body.get_prep_value())
    return " ".join(plain_text(part) for part in parts).strip()


def strings_in(value) -> Iterator[str]:
    """The text of a StreamField's stored value: every string in it, less block ids and types."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, inner in value.items():
            if key not in ("id", "type"):
                yield from strings_in(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from strings_in(inner)


def item_records(ids: Iterable[int]) -> list[ItemRecord]:
    """Records for these items in six queries, whatever their number (keep batches to about 1,000)."""
    rows = ItemPage.objects.filter(pk__in=list(ids)).order_by("pk").values_list(*ITEM_COLUMNS)
    records = {
        row[0]: ItemRecord(
            *row[:3],
            language_code(row[3]),
            *row[4:10],
            place=(row[10], names(row[11], row[12])) if row[10] else None,
            work_status=row[13],
        )
        for row in rows
    }
    ids = list(records)
    for pk, text in ItemAlternativeTitle.objects.filter(item_id__in=ids).values_list("item_id", "text"):
        records[pk].alternative_titles.append(text)
    for pk, key, name, name_en in ItemCreator.objects.filter(item_id__in=ids).values_list(
        "item_id", "creator__key", "creator__name", "creator__name_en"
    ):
        records[pk].creators.append((key, names(name, name_en)))
    for relation, term in ((ItemPage.techniques.through, "technique"), (ItemPage.materials.through, "material")):
        for pk, key, name, name_en in relation.objects.filter(itempage_id__in=ids).values_list(
            "itempage_id", f"{term}__key", f"{term}__name", f"{term}__name_en"
        ):
            records[pk].techniques.append((key, names(name, name_en)))
    for pk, slug, name, name_en in ItemTag.objects.filter(content_object_id__in=ids).values_list(
        "content_object_id", "tag__slug", "tag__name", "tag__english__name_en"
    ):
        records[pk].subjects.append((slug, names(name, name_en or "")))
    attach_historic_place_names(records.values())
    attach_collections(records.values())
    return list(records.values())


def attach_historic_place_names(records: Iterable[ItemRecord]) -> None:
    """A place is found by any era's name: "Marktstraße" finds the items on today's Turgaus gatvė."""
    by_key = defaultdict(list)
    keys = {record.place[0] for record in records if record.place}
    for key, name in PlaceName.objects.filter(place__key__in=keys).values_list("place__key", "name"):
        by_key[key].append(name)
    for record in records:
        if record.place and by_key[record.place[0]]:
            record.place = (record.place[0], names(*record.place[1], *by_key[record.place[0]]))


def attach_collections(records: Iterable[ItemRecord]) -> None:
    by_parent = defaultdict(list)
    for record in records:
        by_parent[record.path[: -Page.steplen]].append(record)
    for path, slug, title in CollectionPage.objects.filter(path__in=by_parent).values_list("path", "slug", "title"):
        for record in by_parent[path]:
            record.collection = (slug, title)


def indexable_items() -> QuerySet:
    """Items the public may find: live and without view restrictions."""
    return ItemPage.objects.live().public()


def indexable_features() -> list[QuerySet]:
    return [model.objects.live().public().select_related("locale") for model in FEATURE_MODELS.values()]


def documents_for(page_ids: Iterable[int], batch: int = 1000) -> Iterator[dict]:
    """Documents for whichever of these pages the public may find: items, collections, exhibitions."""
    page_ids = list(page_ids)
    for start in range(0, len(page_ids), batch):
        chunk = page_ids[start : start + batch]
        findable = indexable_items().filter(pk__in=chunk).values_list("pk", flat=True)
        for record in item_records(findable):
            yield item_document(record)
        for features in indexable_features():
            for page in features.filter(pk__in=chunk):
                yield feature_document(page)
