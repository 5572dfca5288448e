"""Browsers ask every page for an icon: each page names one that exists (no 404 in the console)."""

import re

from django.contrib.staticfiles import finders

from tests.factories import make_image, make_item

ICON = re.compile(r'<link rel="icon" href="([^"]+)" type="image/svg\+xml">')


def test_pages_and_embeds_name_an_icon_that_exists(client, collection):
    item = make_item(collection, images=[make_image("Scan")])
    for address in ("/", "/en/", item.url, f"/embed/item/{item.inventory_number}/"):
        html = client.get(address).content.decode()
        found = ICON.search(html)
        assert found, f"{address} names no icon"
        assert finders.find(found[1].removeprefix("/static/")), found[1]
