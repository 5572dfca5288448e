"""Items published the way editors publish them, so the change log hears of them."""

import xml.etree.ElementTree as ET

import pytest
from sickle import Sickle

from tests.factories import ensure_tree_roots, make_item

NS = {"oai": "http://www.openarchives.org/OAI/2.0/", "dc": "http://purl.org/dc/elements/1.1/",
      "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/"}


def publish(item):
    item.save_revision().publish()
    item.refresh_from_db()
    return item


def published_item(collection, **fields):
    return publish(make_item(collection, live=False, **fields))


def oai_get(client, **params) -> ET.Element:
    response = client.get("/oai", params)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/xml")
    return ET.fromstring(response.content)


def error_code(root: ET.Element) -> str | None:
    error = root.find("oai:error", NS)
    return error.get("code") if error is not None else None


@pytest.fixture
def harvestable(collection):
    """Three published items, one unpublished after publishing and one never published."""
    items = [published_item(collection, title=f"Langas {n}", inventory_number=f"H-{n}") for n in range(1, 4)]
    items[2].unpublish()
    make_item(collection, inventory_number="DRAFT-1", live=False)
    return items


@pytest.fixture
def harvester(transactional_db, live_server, settings):
    """A real OAI-PMH client against the live server, two records a page so resumption tokens are used."""
    settings.OAI_PAGE_SIZE = 2
    ensure_tree_roots()  # a transactional test's flush removes the roots that migrations made
    return Sickle(f"{live_server.url}/oai", max_retries=0)
