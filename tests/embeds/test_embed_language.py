"""An embed speaks the language of the page it was copied from: `/en/embed/...` or `?lang=en`."""

import pytest
from wagtail.models import Locale


@pytest.fixture
def english(item):
    translation = item.copy_for_translation(Locale.objects.get_or_create(language_code="en")[0], copy_parents=True)
    translation.title = "Stained glass with a ship"
    translation.save_revision().publish()
    return translation.specific


def english_embed(html: str, english) -> bool:
    return '<html lang="en">' in html and english.title in html and "More in" in html and english.get_full_url() in html


def test_the_unprefixed_embed_is_lithuanian_whatever_the_browser_prefers(client, item, english):
    response = client.get(f"/embed/item/{item.inventory_number}/", HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert response.status_code == 200 and '<html lang="lt">' in html and item.title in html
    assert english.title not in html


@pytest.mark.parametrize("address", ["/en/embed/item/{number}/", "/embed/item/{number}/?lang=en"])
def test_the_english_embed_shows_the_english_page(client, item, english, address):
    response = client.get(address.format(number=item.inventory_number))
    assert response.status_code == 200
    assert english_embed(response.content.decode(), english)
    assert response["Content-Language"] == "en"


def test_an_unknown_language_is_refused_with_the_codes_it_accepts(client, item):
    response = client.get(f"/embed/item/{item.inventory_number}/?lang=xx")
    assert response.status_code == 400
    assert "lt, en" in response.content.decode()


def test_the_english_item_page_offers_the_english_embed(client, item, english):
    html = client.get(english.url).content.decode()
    assert f"/en/embed/item/{item.inventory_number}/" in html


def test_oembed_of_an_english_page_embeds_the_english_viewer(client, item, english, settings):
    document = client.get("/oembed", {"url": english.get_full_url()}).json()
    assert document["title"] == english.title
    assert f"{settings.PUBLIC_BASE_URL}/en/embed/item/{item.inventory_number}/" in document["html"]
    lithuanian = client.get("/oembed", {"url": item.get_full_url()}).json()
    assert lithuanian["title"] == item.title
    assert f"{settings.PUBLIC_BASE_URL}/embed/item/{item.inventory_number}/" in lithuanian["html"]


def test_the_english_detail_page_offers_the_english_embed_of_the_region(client, item, english):
    html = client.get(f"/en/item/{item.inventory_number}/detail/1/10,20,300,200/").content.decode()
    assert f"/en/embed/item/{item.inventory_number}/?xywh=10,20,300,200" in html
