"""IIIF Change Discovery API 1.0: the change log as an Activity Streams OrderedCollection of pages.

Pages hold the oldest activities first and never change once full, because the log is append-only;
aggregators read the last page, then walk `prev` until they reach activities they have seen.
"""

from django.conf import settings

from archive.manifests.addresses import manifest_url

from .elements import datestamp
from .models import ItemChange

CONTEXT = "http://iiif.io/api/discovery/1/context.json"
ACTIVITY_TYPES = {
    ItemChange.Action.CREATE: "Create",
    ItemChange.Action.UPDATE: "Update",
    ItemChange.Action.DELETE: "Delete",
}


def collection_url() -> str:
    return f"{settings.PUBLIC_BASE_URL}/iiif/discovery/collection"


def page_url(number: int) -> str:
    return f"{settings.PUBLIC_BASE_URL}/iiif/discovery/page/{number}"


def page_count(total: int) -> int:
    return max(1, -(-total // settings.IIIF_DISCOVERY_PAGE_SIZE))


def collection_document() -> dict:
    total = ItemChange.objects.count()
    last = page_count(total) - 1
    return {
        "@context": CONTEXT,
        "id": collection_url(),
        "type": "OrderedCollection",
        "totalItems": total,
        "first": {"id": page_url(0), "type": "OrderedCollectionPage"},
        "last": {"id": page_url(last), "type": "OrderedCollectionPage"},
    }


def activity(change: ItemChange) -> dict:
    return {
        "type": ACTIVITY_TYPES[change.action],
        "object": {"id": manifest_url(change.inventory_number), "type": "Manifest"},
        "endTime": datestamp(change.timestamp),
    }


def page_document(number: int) -> dict | None:
    """The page, or None when there is no such page."""
    size = settings.IIIF_DISCOVERY_PAGE_SIZE
    total = ItemChange.objects.count()
    last = page_count(total) - 1
    if not 0 <= number <= last:
        return None
    changes = ItemChange.objects.order_by("id")[number * size : (number + 1) * size]
    document = {
        "@context": CONTEXT,
        "id": page_url(number),
        "type": "OrderedCollectionPage",
        "startIndex": number * size,
        "partOf": {"id": collection_url(), "type": "OrderedCollection"},
    }
    if number > 0:
        document["prev"] = {"id": page_url(number - 1), "type": "OrderedCollectionPage"}
    if number < last:
        document["next"] = {"id": page_url(number + 1), "type": "OrderedCollectionPage"}
    document["orderedItems"] = [activity(change) for change in changes]
    return document
