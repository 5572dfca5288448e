"""The site's name in the page's language: headers, titles, embeds, oEmbed and Open Graph."""

import pytest

from tests.factories import make_image, make_item

pytestmark = pytest.mark.django_db


def test_english_pages_and_embeds_carry_the_english_name(client, collection):
    item = make_item(collection, images=[make_image("Scan")])
    english, lithuanian = client.get("/en/search/").content.decode(), client.get("/search/").content.decode()
    assert "Klaipėda heritage archive</a>" in english and "Klaipėdos paveldo archyvas" not in english
    assert "Klaipėdos paveldo archyvas</a>" in lithuanian
    embed = client.get(f"/en/embed/item/{item.inventory_number}/").content.decode()
    assert "More in Klaipėda heritage archive" in embed
    assert client.get("/oembed", {"url": item.get_full_url()}).json()["provider_name"] == "Klaipėdos paveldo archyvas"
