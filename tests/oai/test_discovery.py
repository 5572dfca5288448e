import pytest

from .builders import published_item

pytestmark = pytest.mark.django_db


def test_collection_points_at_first_and_last_pages(client, harvestable, settings):
    settings.IIIF_DISCOVERY_PAGE_SIZE = 2
    response = client.get("/iiif/discovery/collection")
    assert response["Content-Type"].startswith("application/ld+json")
    document = response.json()
    assert document["@context"] == "http://iiif.io/api/discovery/1/context.json"
    assert document["type"] == "OrderedCollection" and document["totalItems"] == 4
    assert document["first"]["id"].endswith("/iiif/discovery/page/0")
    assert document["last"]["id"].endswith("/iiif/discovery/page/1")


def test_pages_hold_create_update_delete_activities_oldest_first(client, collection, settings):
    settings.IIIF_DISCOVERY_PAGE_SIZE = 2
    item = published_item(collection, inventory_number="CD-1")
    item.save_revision().publish()
    item.refresh_from_db()
    item.unpublish()
    first = client.get("/iiif/discovery/page/0").json()
    second = client.get("/iiif/discovery/page/1").json()
    assert [a["type"] for a in first["orderedItems"] + second["orderedItems"]] == ["Create", "Update", "Delete"]
    activity = first["orderedItems"][0]
    assert activity["object"] == {"id": "http://127.0.0.1:8000/iiif/manifest/CD-1", "type": "Manifest"}
    assert activity["endTime"].endswith("Z")
    assert first["next"]["id"].endswith("/page/1") and "prev" not in first
    assert second["prev"]["id"].endswith("/page/0") and "next" not in second
    assert second["startIndex"] == 2 and second["partOf"]["type"] == "OrderedCollection"


def test_missing_page_is_not_found(client, harvestable):
    assert client.get("/iiif/discovery/page/9").status_code == 404
