import json
from urllib.parse import urlsplit

import bibtexparser
import pytest

from media.addresses import image_url
from tests.factories import make_image, make_item


@pytest.fixture
def item(collection):
    return make_item(
        collection,
        title="Vitražas su laivu",
        inventory_number="D-1",
        images=[make_image("Langas", 400, 300), make_image("Detalė", 200, 100)],
    )


@pytest.mark.django_db
def test_detail_page_shows_the_region_and_reopens_it(client, item):
    html = client.get("/item/D-1/detail/2/10,20,100,50/").content.decode()
    image = item.ordered_images()[1].image
    # A region smaller than the 1200 px box is shown at its own size: Image API 3.0 refuses to upscale.
    src = image_url(image.iiif_identifier, "10,20,100,50")
    assert src in html
    assert client.get(urlsplit(src).path).status_code == 200
    assert "?canvas=2&amp;xywh=10,20,100,50" in html
    assert "/embed/item/D-1/?canvas=2&amp;xywh=10,20,100,50" in html
    assert "http://127.0.0.1:8000/item/D-1/detail/2/10,20,100,50/" in html


@pytest.mark.django_db
def test_detail_citations_carry_the_detail_link(client, item):
    bib = client.get("/item/D-1/detail/2/10,20,100,50/cite.bib").content.decode()
    library = bibtexparser.parse_string(bib)
    assert not library.failed_blocks
    (entry,) = library.entries
    assert "detail/2/10,20,100,50/" in entry["url"]
    csl = json.loads(client.get("/item/D-1/detail/2/10,20,100,50/cite.json").content)
    csl = csl[0] if isinstance(csl, list) else csl
    assert "10,20,100,50" in csl["title"] and csl["URL"].endswith("/item/D-1/detail/2/10,20,100,50/")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/item/D-1/detail/2/150,20,100,50/", 400),  # reaches outside the 200 x 100 image
        ("/item/D-1/detail/2/0,0,0,50/", 400),
        ("/item/D-1/detail/3/0,0,10,10/", 404),
        ("/item/NONE/detail/1/0,0,10,10/", 404),
    ],
)
def test_bad_detail_links_say_why(client, item, path, status):
    response = client.get(path)
    assert response.status_code == status


@pytest.mark.django_db
def test_unpublished_item_has_no_details(client, collection):
    make_item(collection, inventory_number="D-2", live=False, images=[make_image("Slaptas")])
    assert client.get("/item/D-2/detail/1/0,0,10,10/").status_code == 404


@pytest.mark.django_db
def test_item_page_offers_the_detail_link(client, item):
    html = client.get(item.url).content.decode()
    assert 'data-base="/item/D-1/detail/"' in html


@pytest.mark.django_db
def test_a_region_outside_the_image_is_the_sites_400_page_in_the_visitors_language(client, item):
    lithuanian = client.get("/item/D-1/detail/2/150,20,100,50/")
    english = client.get("/en/item/D-1/detail/2/150,20,100,50/")
    assert lithuanian["Content-Type"].startswith("text/html") and english["Content-Type"].startswith("text/html")
    assert "Šios detalės parodyti negalima" in lithuanian.content.decode()
    assert "This detail cannot be shown" in english.content.decode() and "200 × 100" in english.content.decode()
