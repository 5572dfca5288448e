"""Every document that hands out an image service gives the URL media/addresses.py builds (the id of its
info.json), with the identifier percent-encoded: manifests, EDM, schema.org, the viewers' config, pages."""

import json
import re

import pytest

from archive.embeds.viewers import viewer_config
from archive.oai.repository import oai_identifier
from media.addresses import image_service_url
from tests.factories import make_image, make_item

pytestmark = pytest.mark.django_db

IDENTIFIER = "kvb+1:a"


@pytest.fixture
def item(collection, settings):
    settings.IIIF_BASE_URL = "https://images.example.org/iiif"
    item = make_item(collection, inventory_number="KVB-URL-001", images=[make_image(iiif_identifier=IDENTIFIER)])
    item.save_revision().publish()  # page_published: the OAI change log lists it
    return item


def test_manifest_services_and_bodies(client, item):
    manifest = client.get("/iiif/manifest/KVB-URL-001").json()
    service = image_service_url(IDENTIFIER)
    assert service == "https://images.example.org/iiif/3/kvb%2B1%3Aa"
    body = manifest["items"][0]["items"][0]["items"][0]["body"]
    assert body["service"][0]["id"] == service and body["id"].startswith(f"{service}/")
    assert manifest["thumbnail"][0]["id"].startswith(f"{service}/")


def test_viewer_config_and_item_page(client, item):
    assert viewer_config(item)["images"][0]["info"] == f"{image_service_url(IDENTIFIER)}/info.json"
    html = client.get(item.url).content.decode()
    sources = re.findall(r'<img src="([^"]+)"', html)
    assert sources and all(src.startswith(f"{image_service_url(IDENTIFIER)}/") for src in sources)


def test_edm_and_schema_org(client, item):
    edm = client.get(
        "/oai", {"verb": "GetRecord", "metadataPrefix": "edm", "identifier": oai_identifier(item.inventory_number)}
    ).content.decode()
    record = json.dumps(client.get(f"/item/{item.inventory_number}/record.jsonld").json())
    for document in (edm, record):
        assert image_service_url(IDENTIFIER) in document and "kvb+1" not in document
