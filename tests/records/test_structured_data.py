import json
import re

import pytest

from archive.catalogue.models import ItemCreator
from archive.records.record import ItemRecord, item_record
from archive.records.structured_data import json_ld, json_ld_script_body


def json_ld_of(html: str) -> dict:
    (body,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(body)


@pytest.mark.django_db
def test_item_page_carries_parseable_schema_org_json_ld(client, rich_item):
    data = json_ld_of(client.get(rich_item.url).content.decode())
    assert data["@context"] == "https://schema.org" and data["@type"] == "VisualArtwork"
    assert data["@id"] == "http://127.0.0.1:8000/item/KLAVB-V-001/"
    assert data["creator"][0] == {"@type": "Person", "name": "Jonas Pavyzdėlis"}
    assert data["creator"][1]["@type"] == "Organization"
    assert data["dateCreated"] == "1933/1937"
    assert data["license"] == "http://creativecommons.org/licenses/by/4.0/"
    place = data["contentLocation"]
    assert place["@type"] == "Place" and place["geo"]["latitude"] == pytest.approx(55.7083)
    assert data["image"][0]["contentUrl"].endswith("/full/max/0/default.jpg")


@pytest.mark.django_db
def test_a_photographer_makes_the_item_a_photograph(rich_item):
    link = rich_item.creators.first()
    link.role = ItemCreator.Role.PHOTOGRAPHER
    link.save()
    assert json_ld(item_record(rich_item))["@type"] == "Photograph"


@pytest.mark.django_db
def test_item_page_has_open_graph_tags(client, rich_item):
    html = client.get(rich_item.url).content.decode()
    assert '<meta property="og:title" content="Langas &amp; vitražas 100% {originalas}">' in html
    assert '<meta property="og:url" content="http://127.0.0.1:8000/item/KLAVB-V-001/">' in html
    assert '<meta property="og:locale" content="lt_LT">' in html
    assert re.search(r'<meta property="og:image" content="[^"]+/iiif/3/[^"]+/default.jpg">', html)


def test_json_ld_cannot_close_its_script_element():
    record = ItemRecord(inventory_number="X-1", language="lt", title="</script><script>alert(1)", rights="")
    body = json_ld_script_body(record)
    assert "</script" not in body and "<" not in body
    assert json.loads(body)["name"] == "</script><script>alert(1)"
