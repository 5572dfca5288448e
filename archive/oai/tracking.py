"""Keeping the change log in step with the catalogue: one entry per create, update or delete.

The harvested item is the Lithuanian original (the default locale); publishing or withdrawing an
English translation changes the original's record (it carries both languages), so it logs an update.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale, Page

from archive.catalogue.models import CollectionPage, ItemPage

from .models import ItemChange

Action = ItemChange.Action


def set_spec_of(collection_slug: str) -> str:
    """OAI setSpecs allow only unreserved ASCII; Wagtail slugs may hold Lithuanian letters."""
    return slugify(collection_slug)


def original_of(page: ItemPage) -> ItemPage | None:
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return page
    return ItemPage.objects.filter(translation_key=page.translation_key, locale=default).first()


def is_published(item: ItemPage) -> bool:
    return ItemPage.objects.live().public().filter(pk=item.pk).exists()


def latest_change(inventory_number: str) -> ItemChange | None:
    return ItemChange.objects.filter(inventory_number=inventory_number, is_latest=True).first()


def current_set_spec(item: ItemPage) -> str:
    parent = CollectionPage.objects.filter(path=item.path[: -Page.steplen]).only("slug").first()
    return set_spec_of(parent.slug) if parent else ""


@transaction.atomic
def append(inventory_number: str, page_id: int | None, set_spec: str, action: str) -> ItemChange:
    ItemChange.objects.filter(inventory_number=inventory_number, is_latest=True).update(is_latest=False)
    return ItemChange.objects.create(
        inventory_number=inventory_number,
        page_id=page_id,
        set_spec=set_spec,
        action=action,
        # OAI datestamps have second granularity; storing them so keeps from/until comparisons exact.
        timestamp=timezone.now().replace(microsecond=0),
        is_latest=True,
    )


def record_present(item: ItemPage) -> ItemChange:
    """Log the published original as created (first time, or back after a delete) or updated."""
    withdraw_renumbered(item)
    latest = latest_change(item.inventory_number)
    action = Action.CREATE if latest is None or latest.deleted else Action.UPDATE
    return append(item.inventory_number, item.pk, current_set_spec(item), action)


def record_gone(inventory_number: str, page_id: int | None) -> ItemChange | None:
    latest = latest_change(inventory_number)
    if latest is None or latest.deleted:
        return None
    return append(inventory_number, page_id, latest.set_spec, Action.DELETE)


def withdraw_renumbered(item: ItemPage) -> None:
    """An editor changed the inventory number: the old identifier is gone for harvesters."""
    stale = (
        ItemChange.objects.filter(page_id=item.pk, is_latest=True)
        .exclude(inventory_number=item.inventory_number)
        .exclude(action=Action.DELETE)
    )
    for change in stale:
        record_gone(change.inventory_number, item.pk)


def page_published(page: ItemPage) -> None:
    original = original_of(page)
    if original is not None and is_published(original):
        record_present(original)


def page_withdrawn(page: ItemPage) -> None:
    """The page is being unpublished or deleted (it may still look live in the database)."""
    original = original_of(page)
    if original is None:
        return
    if original.pk == page.pk:
        record_gone(page.inventory_number, page.pk)
    elif is_published(original):
        record_present(original)


def page_deleted(page: ItemPage) -> None:
    if page.locale_id == Locale.get_default().pk:
        record_gone(page.inventory_number, page.pk)
    else:
        page_withdrawn(page)
