import pytest

from archive.catalogue.models import ItemImage
from tests.embeds.builders import viewer_config
from tests.factories import make_image, make_item


def test_item_page_has_the_viewer_and_keeps_the_static_images(client, item, scans):
    response = client.get(item.url)
    html = response.content.decode()
    assert 'data-viewer-config="viewer-config-KVB-V-1"' in html
    assert len(viewer_config(response, item.inventory_number)["images"]) == 2
    assert html.count("<figure>") == 2
    assert "vendor/openseadragon/openseadragon.min.js" in html and "js/viewer.js" in html


def test_viewer_labels_follow_the_page_language(client, item):
    labels = viewer_config(client.get(item.url), item.inventory_number)["labels"]
    assert labels["zoomIn"] == "Didinti"


def test_item_page_offers_an_embed_code(client, item):
    html = client.get(item.url).content.decode()
    assert '<textarea id="embed-code" readonly' in html
    assert "/embed/item/KVB-V-1/" in html and "&lt;iframe" in html


def test_item_page_links_its_oembed(client, item):
    html = client.get(item.url).content.decode()
    assert 'rel="alternate" type="application/json+oembed"' in html
    assert "/oembed?url=" in html


def test_item_page_xywh_opens_the_viewer_on_that_region(client, item):
    config = viewer_config(client.get(item.url + "?xywh=1,2,30,40"), item.inventory_number)
    assert config["region"] == [1, 2, 30, 40]


def test_item_page_ignores_a_broken_deep_link(client, item):
    response = client.get(item.url + "?xywh=nonsense")
    assert response.status_code == 200
    assert viewer_config(response, item.inventory_number)["region"] is None


@pytest.fixture
def then_now_item(collection):
    old, new = make_image("Old", width=640, height=480), make_image("New", width=2000, height=1500)
    item = make_item(collection, title="Turgaus aikštė", images=[old, new])
    for link, view in zip(item.images.all(), [ItemImage.View.THEN, ItemImage.View.NOW], strict=True):
        link.view = view
        link.save()
    return item, old, new


def test_then_now_slider_uses_iiif_images_no_larger_than_the_originals(client, then_now_item):
    item, old, new = then_now_item
    html = client.get(item.url).content.decode()
    assert "data-then-now" in html and 'type="range"' in html
    assert f"/3/{old.iiif_identifier}/full/640,/0/default.jpg" in html
    assert f"/3/{new.iiif_identifier}/full/1200,/0/default.jpg" in html


def test_no_slider_without_a_then_now_pair(client, item):
    assert "data-then-now" not in client.get(item.url).content.decode()


def test_item_page_preloads_the_info_json_its_viewer_opens_first(client, item):
    """OpenSeadragon asks for info.json only once the deferred scripts have run; the head starts it earlier."""
    first, second = (viewer_config(client.get(item.url), item.inventory_number)["images"][n]["info"] for n in (0, 1))
    preload = '<link rel="preload" href="{}" as="fetch" crossorigin="anonymous">'
    assert preload.format(first) in client.get(item.url).content.decode()
    deep_linked = client.get(item.url + "?canvas=2").content.decode()
    assert preload.format(second) in deep_linked and preload.format(first) not in deep_linked
    assert preload.format(first) in client.get("/embed/item/KVB-V-1/").content.decode()
