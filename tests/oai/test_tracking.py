import io

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from archive.oai.models import ItemChange
from tests.factories import make_item

from .builders import publish, published_item


def actions(inventory_number: str) -> list[str]:
    return list(ItemChange.objects.filter(inventory_number=inventory_number).values_list("action", flat=True))


def latest(inventory_number: str) -> ItemChange:
    return ItemChange.objects.get(inventory_number=inventory_number, is_latest=True)


@pytest.mark.django_db
def test_publishing_logs_create_then_update(collection):
    item = published_item(collection, inventory_number="T-1")
    publish(item)
    assert actions("T-1") == ["create", "update"]
    assert latest("T-1").set_spec == "vitrazai" and latest("T-1").page_id == item.pk


@pytest.mark.django_db
def test_unpublishing_logs_delete_and_republishing_creates_again(collection):
    item = published_item(collection, inventory_number="T-2")
    item.unpublish()
    publish(item)
    assert actions("T-2") == ["create", "delete", "create"]


@pytest.mark.django_db
def test_deleting_a_published_item_logs_delete_once(collection):
    item = published_item(collection, inventory_number="T-3")
    item.delete()
    assert actions("T-3") == ["create", "delete"]


@pytest.mark.django_db
def test_deleting_the_collection_logs_its_items_deleted(collection):
    published_item(collection, inventory_number="T-4")
    collection.delete()
    assert actions("T-4") == ["create", "delete"]


@pytest.mark.django_db
def test_publishing_a_translation_updates_the_original(collection):
    item = published_item(collection, inventory_number="T-5")
    english = item.copy_for_translation(Locale.objects.get_or_create(language_code="en")[0], copy_parents=True)
    publish(english)
    english.unpublish()
    assert actions("T-5") == ["create", "update", "update"]


@pytest.mark.django_db
def test_renumbering_withdraws_the_old_identifier(collection):
    item = published_item(collection, inventory_number="T-6")
    item.inventory_number = "T-6A"
    publish(item)
    assert actions("T-6") == ["create", "delete"] and actions("T-6A") == ["create"]


@pytest.mark.django_db
def test_sync_command_logs_items_published_outside_the_workflow(collection):
    make_item(collection, inventory_number="T-7")  # live, but no publish signal
    gone = published_item(collection, inventory_number="T-8")
    gone.live = False
    gone.save(update_fields=["live"])
    call_command("sync_item_changes", stdout=io.StringIO())
    assert actions("T-7") == ["create"] and actions("T-8") == ["create", "delete"]
