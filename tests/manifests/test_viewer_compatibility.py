"""What outside IIIF viewers (Mirador 3 and 4, Universal Viewer) need from every document we serve.

Each test names the failure a tester saw: a white screen in Mirador 3 on collections without a
requiredStatement, a black one in UV on a manifest without canvases, gallery items missing from
exhibition manifests, highlight regions outside the Range model, and unicode slugs answering 301 and
404 without CORS. The browser side is tests/browser/test_outside_viewers.py.
"""

import json

import pytest
from iiif_prezi3 import Collection, Manifest

from archive.exhibitions.models import ExhibitionPage
from archive.records.record import item_record
from archive.records.structured_data import json_ld
from search.presentation import manifest_url
from tests.factories import make_collection, make_image, make_item

BASE = "http://127.0.0.1:8000"
MEDIA_FRAGMENTS = "http://www.w3.org/TR/media-frags/"


@pytest.fixture
def items(collection):
    window = make_item(
        collection, title="Langas su laivu", inventory_number="OV-1", images=[make_image("Laivas", 400, 300)]
    )
    square = make_item(
        collection,
        title="Aikštė",
        inventory_number="OV-2",
        images=[make_image("Tada", 300, 200), make_image("Dabar", 300, 200)],
    )
    bare = make_item(collection, title="Be vaizdų", inventory_number="OV-3")
    return window, square, bare


def story(*blocks) -> str:
    return json.dumps(list(blocks))


def highlight(item, region="", image_number=1) -> dict:
    return {
        "type": "highlight",
        "value": {"item": item.pk, "image_number": image_number, "region": region, "caption": ""},
    }


def gallery(*items) -> dict:
    return {"type": "gallery", "value": {"heading": "Daugiau", "items": [item.pk for item in items]}}


def add_exhibition(home, title, slug, body) -> ExhibitionPage:
    return home.add_child(instance=ExhibitionPage(title=title, slug=slug, body=body))


@pytest.fixture
def exhibition(home, items):
    window, square, bare = items
    body = story(highlight(window, "10,20,100,50"), highlight(square, image_number=2), gallery(square, bare, window))
    return add_exhibition(home, "Uostas", "uostas", body)


def get_json(client, path: str) -> dict:
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return response.json()


@pytest.mark.django_db
def test_every_collection_names_the_provider_in_a_required_statement(client, items, exhibition, settings):
    """Mirador 3 reads requiredStatement on every collection: without it, a white screen."""
    settings.ARCHIVE_PROVIDER_NAME = "Pavyzdinė biblioteka"
    for path in ("/iiif/collection/top", "/iiif/collection/vitrazai", "/iiif/collection/exhibitions"):
        document = get_json(client, path)
        statement = document["requiredStatement"]
        assert statement["label"] == {"lt": ["Priskyrimas"], "en": ["Attribution"]}, path
        assert statement["value"]["lt"] == ["Pavyzdinė biblioteka"] and statement["value"]["en"], path
        assert document["provider"][0]["label"]["lt"] == ["Pavyzdinė biblioteka"], path
        Collection.model_validate(document)


@pytest.mark.django_db
def test_collections_list_only_items_with_images(client, items):
    listed = get_json(client, "/iiif/collection/vitrazai")["items"]
    assert [entry["id"] for entry in listed] == [f"{BASE}/iiif/manifest/OV-1", f"{BASE}/iiif/manifest/OV-2"]


@pytest.mark.django_db
def test_a_collection_without_any_manifest_is_left_out_of_top(client, home, items):
    empty = make_collection(home, title="Tuščia", slug="tuscia")
    make_item(empty, title="Dar be vaizdų", inventory_number="OV-9")
    listed = [entry["id"] for entry in get_json(client, "/iiif/collection/top")["items"]]
    assert listed == [f"{BASE}/iiif/collection/vitrazai"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "reason"),
    [
        ("en", "The item OV-3 has no digitized images yet, so it has no IIIF manifest."),
        ("lt", "Objektas OV-3 dar neturi skaitmeninių vaizdų, todėl neturi IIIF manifesto."),
    ],
)
def test_an_item_without_images_has_no_manifest_and_says_why(client, items, language, reason):
    response = client.get("/iiif/manifest/OV-3", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 404
    assert reason in response.content.decode()
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.django_db
def test_no_page_or_record_links_a_manifest_that_does_not_exist(client, items):
    window, _square, bare = items
    page = client.get(bare.url).content.decode()
    assert "/iiif/manifest/OV-3" not in page
    assert "/iiif/manifest/OV-1" in client.get(window.url).content.decode()
    assert "subjectOf" not in json_ld(item_record(bare))
    assert json_ld(item_record(window))["subjectOf"]["url"] == f"{BASE}/iiif/manifest/OV-1"
    assert get_json(client, "/item/OV-3/record.jsonld").get("subjectOf") is None
    assert manifest_url(bare) is None and manifest_url(window) == "/iiif/manifest/OV-1"
    compare = client.get("/compare/?items=OV-1,OV-3").content.decode()
    assert "/iiif/manifest/OV-1" in compare and "/iiif/manifest/OV-3" not in compare


@pytest.mark.django_db
def test_every_item_an_exhibition_shows_is_a_canvas_galleries_included(client, exhibition):
    manifest = get_json(client, "/iiif/exhibition/uostas")
    Manifest.model_validate(manifest)
    labels = [canvas["label"]["lt"][0] for canvas in manifest["items"]]
    assert labels == ["Langas su laivu", "Aikštė (1/2)", "Aikštė (2/2)"]
    assert manifest["requiredStatement"]["label"]["en"] == ["Attribution"]
    assert manifest["thumbnail"][0]["type"] == "Image"


@pytest.mark.django_db
def test_a_highlighted_detail_is_a_range_of_a_specific_resource_with_a_media_fragment(client, exhibition):
    manifest = get_json(client, "/iiif/exhibition/uostas")
    canvases = [canvas["id"] for canvas in manifest["items"]]
    detail, whole = manifest["structures"]
    assert detail["type"] == "Range" and detail["label"] == {"lt": ["Langas su laivu"]}
    (target,) = detail["items"]
    assert target["type"] == "SpecificResource"
    assert target["source"] == canvases[0]
    assert target["selector"] == {
        "type": "FragmentSelector",
        "conformsTo": MEDIA_FRAGMENTS,
        "value": "xywh=10,20,100,50",
    }
    assert whole["items"] == [{"id": canvases[2], "type": "Canvas"}]
    assert all("#" not in canvas for canvas in canvases)


@pytest.mark.django_db
def test_an_exhibition_without_images_has_no_manifest_and_is_not_listed(client, home, items, exhibition):
    bare = items[2]
    empty = add_exhibition(home, "Tuščia paroda", "tuscia-paroda", story(gallery(bare)))
    response = client.get("/iiif/exhibition/tuscia-paroda", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert "shows no digitized images yet" in response.content.decode()
    listed = [entry["id"] for entry in get_json(client, "/iiif/collection/exhibitions")["items"]]
    assert listed == [f"{BASE}/iiif/exhibition/uostas"]
    assert "/iiif/exhibition/" not in client.get(empty.url).content.decode()
    assert "/iiif/exhibition/uostas" in client.get(exhibition.url).content.decode()


@pytest.mark.django_db
def test_an_exhibition_with_a_lithuanian_slug_is_served_under_its_encoded_address(client, home, items):
    add_exhibition(home, "Jūrų ūkis", "jūrų-ūkis", story(highlight(items[0])))
    encoded = "/iiif/exhibition/j%C5%ABr%C5%B3-%C5%ABkis"
    response = client.get(encoded)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response.json()["id"] == f"{BASE}{encoded}"
    listed = [entry["id"] for entry in get_json(client, "/iiif/collection/exhibitions")["items"]]
    assert listed == [f"{BASE}{encoded}"]


@pytest.mark.django_db
def test_a_collection_with_a_lithuanian_slug_is_served(client, home):
    collection = make_collection(home, title="Ūkis", slug="ūkis")
    make_item(collection, inventory_number="OV-11", images=[make_image("Ūkis")])
    response = client.get("/iiif/collection/%C5%ABkis")
    assert response.status_code == 200
    assert response.json()["id"] == f"{BASE}/iiif/collection/%C5%ABkis"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/iiif/exhibition/nera-tokios", 404),
        ("/iiif/exhibition/j%C5%ABr%C5%B3-%C5%ABkis", 404),
        ("/iiif/manifest/NO-SUCH-1", 404),
        ("/iiif/collection/nera", 404),
        ("/iiif/manifest", 301),
        ("/iiif/3/no-such-image/full/max/0/default.jpg", 404),
        ("/iiif/collection/top?" + "&".join(f"p{n}=1" for n in range(1001)), 400),
    ],
)
def test_every_iiif_error_and_redirect_is_readable_from_another_origin(client, home, path, status):
    response = client.get(path, HTTP_ORIGIN="https://school.example")
    assert response.status_code == status
    assert response["Access-Control-Allow-Origin"] == "*"
