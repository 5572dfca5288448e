"""Manifests carry curators' notes as commenting annotations, link the item's records and show a logo."""

from urllib.parse import urlsplit

import pytest
from django.contrib.staticfiles import finders
from iiif_prezi3 import Collection, Manifest
from wagtail.models import Locale

from archive.catalogue.models import ItemDetailNote
from archive.manifests.links import CSL_PROFILE, SCHEMA_ORG_PROFILE
from archive.oai.metadata.edm import EDM
from tests.factories import make_image, make_item


@pytest.fixture
def item(collection):
    item = make_item(
        collection,
        title="Vitražas",
        inventory_number="KVB-VIT-777",
        images=[make_image("Vitražas", 300, 200), make_image("Detalė", 120, 90)],
    )
    item.detail_notes.add(ItemDetailNote(image_number=1, region="10,20,100,50", note="Meistro signatūra"))
    item.detail_notes.add(ItemDetailNote(image_number=2, region="0,0,60,40", note="Švino juostos"))
    item.save_revision().publish()
    return item


def manifest_of(client, number="KVB-VIT-777") -> dict:
    response = client.get(f"/iiif/manifest/{number}")
    assert response.status_code == 200
    return response.json()


def local(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


def commenting_annotations(canvas: dict) -> list[dict]:
    (page,) = canvas["annotations"]
    assert page["type"] == "AnnotationPage" and page["id"].startswith(canvas["id"])
    return page["items"]


@pytest.mark.django_db
def test_a_note_is_a_commenting_annotation_on_its_region_of_its_canvas(client, item):
    first, second = manifest_of(client)["items"]
    (annotation,) = commenting_annotations(first)
    assert annotation["type"] == "Annotation" and annotation["motivation"] == "commenting"
    assert annotation["target"] == f"{first['id']}#xywh=10,20,100,50"
    assert annotation["body"] == {
        "type": "TextualBody",
        "value": "Meistro signatūra",
        "language": "lt",
        "format": "text/plain",
    }
    (other,) = commenting_annotations(second)
    assert other["target"] == f"{second['id']}#xywh=0,0,60,40"
    assert annotation["id"] != other["id"]


@pytest.mark.django_db
def test_a_translated_note_is_a_choice_of_languages(client, item):
    english = item.copy_for_translation(Locale.objects.get_or_create(language_code="en")[0], copy_parents=True)
    ItemDetailNote.objects.filter(item=english, region="10,20,100,50").update(note="The maker's signature")
    ItemDetailNote.objects.filter(item=english, image_number=2).delete()
    english.save_revision().publish()
    first, second = manifest_of(client)["items"]
    (annotation,) = commenting_annotations(first)
    body = annotation["body"]
    assert body["type"] == "Choice"
    assert {(choice["language"], choice["value"]) for choice in body["items"]} == {
        ("lt", "Meistro signatūra"),
        ("en", "The maker's signature"),
    }
    (untranslated,) = commenting_annotations(second)
    assert untranslated["body"]["language"] == "lt"


@pytest.mark.django_db
def test_a_note_that_no_longer_fits_its_image_is_left_out(client, item):
    ItemDetailNote.objects.filter(item=item, image_number=2).update(region="100,80,60,40")
    first, second = manifest_of(client)["items"]
    assert commenting_annotations(first)
    assert "annotations" not in second


@pytest.mark.django_db
def test_a_canvas_without_notes_has_no_annotation_page(client, collection):
    make_item(collection, inventory_number="KVB-VIT-778", images=[make_image("Be pastabų", 100, 80)])
    (canvas,) = manifest_of(client, "KVB-VIT-778")["items"]
    assert "annotations" not in canvas


@pytest.mark.django_db
def test_see_also_links_resolve_to_the_items_records(client, item):
    links = {link["profile"]: link for link in manifest_of(client)["seeAlso"]}
    assert all(link["type"] == "Dataset" and link["label"] for link in links.values())
    schema = client.get(local(links[SCHEMA_ORG_PROFILE]["id"]))
    assert schema.status_code == 200 and schema["Content-Type"].startswith("application/ld+json")
    assert schema.json()["identifier"]["value"] == "KVB-VIT-777"
    csl = client.get(local(links[CSL_PROFILE]["id"]))
    assert csl.status_code == 200 and csl.json()[0]["title"] == "Vitražas"
    edm = client.get(local(links[EDM]["id"]))
    assert edm.status_code == 200 and b"edm:ProvidedCHO" in edm.content and b"<error" not in edm.content


@pytest.mark.django_db
def test_provider_has_the_archive_logo_as_an_image(client, item, settings):
    (provider,) = manifest_of(client)["provider"]
    (logo,) = provider["logo"]
    assert logo["type"] == "Image" and logo["format"] == "image/png"
    assert logo["id"] == f"{settings.PUBLIC_BASE_URL}/static/img/logo.png"
    assert finders.find("img/logo.png")


@pytest.mark.django_db
def test_a_configured_logo_replaces_the_archive_mark(client, item, settings):
    settings.ARCHIVE_PROVIDER_LOGO_URL = "https://library.example.org/logo.svg"
    (provider,) = manifest_of(client)["provider"]
    assert provider["logo"] == [
        {"id": "https://library.example.org/logo.svg", "type": "Image", "format": "image/svg+xml"}
    ]


@pytest.mark.django_db
def test_the_schema_org_record_of_a_draft_is_not_found(client, collection):
    make_item(collection, inventory_number="KVB-DRAFT-9", live=False)
    assert client.get("/item/KVB-DRAFT-9/record.jsonld").status_code == 404


@pytest.mark.django_db
def test_every_document_from_the_top_collection_reads_back_into_iiif_prezi3_models(client, item):
    """The served JSON, notes and links included, is accepted by the Presentation 3 library's own models."""
    top = client.get("/iiif/collection/top").json()
    Collection.model_validate(top)
    manifests = 0
    for entry in top["items"]:
        collection = client.get(local(entry["id"])).json()
        Collection.model_validate(collection)
        for reference in collection["items"]:
            document = client.get(local(reference["id"])).json()
            manifest = Manifest.model_validate(document)
            assert manifest.id == reference["id"]
            manifests += 1
    assert manifests == 1
