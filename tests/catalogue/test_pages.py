from urllib.parse import urlsplit

import pytest

from media.addresses import image_url
from tests.factories import make_image, make_item


@pytest.mark.django_db
def test_published_item_page_shows_its_metadata(client, collection):
    item = make_item(
        collection,
        title="Jūros langas",
        inventory_number="KVB-T-1",
        date_text="apie 1935 m.",
        year_earliest=1933,
        year_latest=1937,
    )
    response = client.get(item.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Jūros langas" in html
    assert "KVB-T-1" in html
    assert "apie 1935 m." in html


@pytest.mark.django_db
def test_unpublished_item_is_not_visible_to_anonymous_users(client, collection):
    item = make_item(collection, title="Juodraštis", live=False)
    assert client.get(item.url).status_code == 404
    assert client.get(f"/item/{item.inventory_number}/").status_code == 404


@pytest.mark.django_db
def test_item_page_images_carry_alt_text(client, collection):
    image = make_image("Fasadas")
    item = make_item(collection, images=[image])
    html = client.get(item.url).content.decode()
    assert 'alt="Alt text of Fasadas"' in html


@pytest.mark.django_db
def test_collection_cards_come_from_the_pyramid_without_upscaling(client, collection):
    small = make_image("Mažas", 300, 200)
    make_item(collection, images=[small])
    html = client.get(collection.url).content.decode()
    src = image_url(small.iiif_identifier)
    assert f'src="{src}"' in html
    assert client.get(urlsplit(src).path).status_code == 200
