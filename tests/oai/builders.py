"""Items published the way editors publish them, so the change log hears of them; OAI-PMH requests."""

import xml.etree.ElementTree as ET

from tests.factories import make_item

NS = {
    "oai": "http://www.openarchives.org/OAI/2.0/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/",
}


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
