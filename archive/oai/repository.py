"""What the OAI-PMH provider reads: identifiers, change-log headers, published pages and sets."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import Min, QuerySet
from django.utils import timezone
from wagtail.models import Locale

from archive.catalogue.models import CollectionPage, ItemPage
from archive.records.record import (
    RECORD_PREFETCH,
    RECORD_SELECT,
    ItemRecord,
    collections_by_path,
    item_record,
)

from .models import ItemChange
from .tokens import ListQuery
from .tracking import set_spec_of


def oai_identifier(inventory_number: str) -> str:
    """oai:<settings.OAI_REPOSITORY_IDENTIFIER>:<inventory number>, the same whichever host was asked."""
    return f"oai:{settings.OAI_REPOSITORY_IDENTIFIER}:{inventory_number}"


def inventory_number_of(identifier: str) -> str | None:
    prefix = oai_identifier("")
    if not identifier.startswith(prefix):
        return None
    return identifier[len(prefix) :] or None


# Identify's sample when nothing is published yet: the first number of the archive's own scheme.
SAMPLE_INVENTORY_NUMBER = "KVB-VIT-001"


def sample_identifier() -> str:
    """An identifier of a record the repository really holds (the first published), so a harvester can try it."""
    first = ItemChange.objects.filter(is_latest=True).exclude(action=ItemChange.Action.DELETE).order_by("id").first()
    return oai_identifier(first.inventory_number if first else SAMPLE_INVENTORY_NUMBER)


def earliest_datestamp():
    earliest = ItemChange.objects.filter(is_latest=True).aggregate(first=Min("timestamp"))["first"]
    return earliest or timezone.now().replace(microsecond=0)


def latest_changes(query: ListQuery) -> QuerySet:
    changes = ItemChange.objects.filter(is_latest=True)
    if query.set_spec:
        changes = changes.filter(set_spec=query.set_spec)
    if query.start:
        changes = changes.filter(timestamp__gte=query.start)
    if query.until:
        # Datestamps are whole seconds, so "until" (inclusive) is "before the next second".
        changes = changes.filter(timestamp__lt=query.until + timedelta(seconds=1))
    return changes.order_by("id")


def change_of(inventory_number: str) -> ItemChange | None:
    return ItemChange.objects.filter(inventory_number=inventory_number, is_latest=True).first()


@dataclass(frozen=True)
class HarvestItem:
    change: ItemChange
    records: dict[str, ItemRecord]  # by language, the original first; empty when deleted

    @property
    def deleted(self) -> bool:
        return not self.records


def harvest_items(changes: list[ItemChange]) -> list[HarvestItem]:
    """Change rows with the records of their published pages, read in a few queries for the lot.

    A row that says "present" whose page is no longer public (privacy changed, bulk edits outside the
    publishing workflow) is reported as deleted rather than leaking the page.
    """
    default = Locale.get_default()
    page_ids = [change.page_id for change in changes if not change.deleted and change.page_id]
    published = ItemPage.objects.live().public()
    originals = with_related(published.filter(pk__in=page_ids, locale=default)).in_bulk()
    translated = with_related(
        published.filter(translation_key__in=[page.translation_key for page in originals.values()]).exclude(
            locale=default
        )
    )
    by_key: dict = {}
    for page in translated:
        by_key.setdefault(page.translation_key, []).append(page)
    collections = collections_by_path()
    items = []
    for change in changes:
        original = None if change.deleted else originals.get(change.page_id)
        records = {}
        if original is not None and original.inventory_number == change.inventory_number:
            records[default.language_code] = item_record(original, collections)
            for page in by_key.get(original.translation_key, []):
                records[page.locale.language_code] = item_record(page, collections)
        items.append(HarvestItem(change, records))
    return items


def with_related(items: QuerySet) -> QuerySet:
    return items.select_related(*RECORD_SELECT).prefetch_related(*RECORD_PREFETCH)


def harvest_sets() -> list[tuple[str, str]]:
    """(setSpec, setName) of every published collection of the original language."""
    collections = CollectionPage.objects.live().public().filter(locale=Locale.get_default()).order_by("path")
    return [(set_spec_of(page.slug), page.title) for page in collections]
