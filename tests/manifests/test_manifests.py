import pytest
from wagtail.models import Locale

from archive.catalogue.models import ItemImage
from archive.vocabularies.models import Place
from tests.factories import make_image, make_item

PRESENTATION_CONTEXT = "http://iiif.io/api/presentation/3/context.json"


def assert_language_map(value):
    assert isinstance(value, dict) and value
    assert all(isinstance(texts, list) and all(isinstance(t, str) for t in texts) for texts in value.values())


def assert_valid_manifest(manifest: dict) -> None:
    """The Presentation 3.0 MUSTs for a manifest of image canvases."""
    context = manifest["@context"]
    assert (context if isinstance(context, str) else context[-1]) == PRESENTATION_CONTEXT
    assert manifest["type"] == "Manifest" and manifest["id"].startswith("http")
    assert_language_map(manifest["label"])
    assert manifest["items"], "a manifest needs at least one canvas"
    for canvas in manifest["items"]:
        assert canvas["type"] == "Canvas" and canvas["id"].startswith(manifest["id"])
        assert canvas["width"] > 0 and canvas["height"] > 0
        (page,) = canvas["items"]
        assert page["type"] == "AnnotationPage"
        (annotation,) = page["items"]
        assert annotation["type"] == "Annotation" and annotation["motivation"] == "painting"
        assert annotation["target"] == canvas["id"]
        body = annotation["body"]
        assert body["type"] == "Image" and body["format"] == "image/jpeg"
        (service,) = body["service"]
        assert service["type"] == "ImageService3" and service["profile"] == "level2"
        assert body["id"].startswith(service["id"] + "/")
    for pair in manifest.get("metadata", []):
        assert_language_map(pair["label"])
        assert_language_map(pair["value"])


@pytest.fixture
def item_with_images(collection):
    place = Place.objects.create(
        key="turgaus", name="Turgaus aikštė", name_en="Market square", latitude=55.7083, longitude=21.1333
    )
    images = [make_image("Tada", 300, 200), make_image("Dabar", 300, 200)]
    item = make_item(
        collection,
        title="Turgaus aikštė",
        inventory_number="KVB-MIE-001",
        place=place,
        credit_line="Klaipėdos biblioteka",
        images=images,
        is_sample=True,
    )
    links = list(item.images.all())
    links[0].view, links[1].view = ItemImage.View.THEN, ItemImage.View.NOW
    for link in links:
        link.save()
    return item


@pytest.mark.django_db
def test_item_manifest_is_valid_presentation_3(client, item_with_images):
    response = client.get("/iiif/manifest/KVB-MIE-001")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    assert "presentation/3/context.json" in response["Content-Type"]
    assert response["Access-Control-Allow-Origin"] == "*"
    manifest = response.json()
    assert_valid_manifest(manifest)
    assert manifest["id"] == "http://127.0.0.1:8000/iiif/manifest/KVB-MIE-001"
    assert manifest["rights"] == "http://rightsstatements.org/vocab/InC/1.0/"
    assert manifest["requiredStatement"]["value"] == {"lt": ["Klaipėdos biblioteka"]}
    assert manifest["partOf"][0]["type"] == "Collection"
    assert manifest["provider"][0]["type"] == "Agent"


@pytest.mark.django_db
def test_manifest_image_service_points_at_our_image_api(client, item_with_images):
    manifest = client.get("/iiif/manifest/KVB-MIE-001").json()
    first = item_with_images.images.first().image
    body = manifest["items"][0]["items"][0]["items"][0]["body"]
    assert body["service"][0]["id"] == f"http://127.0.0.1:8000/iiif/3/{first.iiif_identifier}"
    assert (manifest["items"][0]["width"], manifest["items"][0]["height"]) == (300, 200)


@pytest.mark.django_db
def test_then_and_now_are_two_labelled_canvases(client, item_with_images):
    canvases = client.get("/iiif/manifest/KVB-MIE-001").json()["items"]
    assert [canvas["label"]["lt"][0].split(":")[0] for canvas in canvases] == ["Tada", "Dabar"]


@pytest.mark.django_db
def test_nav_place_carries_the_coordinates(client, item_with_images):
    manifest = client.get("/iiif/manifest/KVB-MIE-001").json()
    feature = manifest["navPlace"]["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [21.1333, 55.7083]}
    assert "http://iiif.io/api/extension/navplace/context.json" in manifest["@context"]


@pytest.mark.django_db
def test_english_translation_fills_the_language_maps(client, item_with_images):
    english = item_with_images.copy_for_translation(
        Locale.objects.get_or_create(language_code="en")[0], copy_parents=True
    )
    english.title = "Market square"
    english.save_revision().publish()
    manifest = client.get("/iiif/manifest/KVB-MIE-001").json()
    assert manifest["label"] == {"lt": ["Turgaus aikštė"], "en": ["Market square"]}


@pytest.mark.django_db
def test_unpublished_item_has_no_manifest_and_is_not_listed(client, collection):
    make_item(collection, inventory_number="KVB-DRAFT-1", live=False, images=[make_image("Juodraštis")])
    assert client.get("/iiif/manifest/KVB-DRAFT-1").status_code == 404
    listed = client.get(f"/iiif/collection/{collection.slug}").json()["items"]
    assert all("KVB-DRAFT-1" not in entry["id"] for entry in listed)


@pytest.mark.django_db
def test_collections_resolve_from_top(client, item_with_images, collection):
    top = client.get("/iiif/collection/top").json()
    assert top["type"] == "Collection"
    (entry,) = top["items"]
    assert entry["id"] == f"http://127.0.0.1:8000/iiif/collection/{collection.slug}"
    child = client.get(f"/iiif/collection/{collection.slug}").json()
    assert [item["id"] for item in child["items"]] == ["http://127.0.0.1:8000/iiif/manifest/KVB-MIE-001"]
    assert child["items"][0]["type"] == "Manifest"


@pytest.mark.django_db
def test_unchanged_manifest_answers_304_to_its_etag(client, item_with_images):
    first = client.get("/iiif/manifest/KVB-MIE-001")
    again = client.get("/iiif/manifest/KVB-MIE-001", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


@pytest.mark.django_db
def test_cors_preflight_is_answered(client, item_with_images):
    response = client.options(
        "/iiif/manifest/KVB-MIE-001", HTTP_ORIGIN="https://school.example", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.django_db
def test_item_page_advertises_its_manifest(client, item_with_images):
    html = client.get(item_with_images.url).content.decode()
    assert 'rel="alternate"' in html
    assert 'href="http://127.0.0.1:8000/iiif/manifest/KVB-MIE-001"' in html


@pytest.mark.django_db
def test_summary_is_the_text_as_written_with_no_character_reference_left(client, item_with_images):
    """Rich text stores an apostrophe as &#x27;: JSON must carry the apostrophe itself, once."""
    item_with_images.description = "<p>The city&#x27;s &quot;old&quot; market &amp; <b>square</b></p><p>Antra</p>"
    item_with_images.save_revision().publish()
    summary = client.get("/iiif/manifest/KVB-MIE-001").json()["summary"]["lt"][0]
    assert summary == 'The city\'s "old" market & square\nAntra'
