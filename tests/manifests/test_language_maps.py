"""Each language slot of a IIIF document holds that language's value, whatever language the request asks for."""

import json

import pytest
from wagtail.models import Locale

from archive.catalogue.models import ItemCreator
from archive.exhibitions.models import ExhibitionPage
from archive.vocabularies.models import Creator, Material, Place, Technique
from tests.factories import make_image, make_item


def translate(page, title: str):
    english = page.copy_for_translation(Locale.objects.get_or_create(language_code="en")[0], copy_parents=True)
    english.title = title
    english.save_revision().publish()
    return english


@pytest.fixture
def item(collection):
    place = Place.objects.create(key="manto", name="Herkaus Manto gatvė", name_en="Herkus Mantas Street")
    item = make_item(
        collection,
        title="Vitražas",
        inventory_number="KVB-VIT-901",
        place=place,
        images=[make_image("Vitražas", 300, 200)],
    )
    workshop = Creator.objects.create(name="Dirbtuvė A", name_en="Workshop A", kind=Creator.Kind.WORKSHOP)
    item.creators.add(ItemCreator(creator=workshop, role=ItemCreator.Role.WORKSHOP))
    item.techniques.add(Technique.objects.create(key="tapyba", name="Tapyba ant stiklo", name_en="Glass painting"))
    item.materials.add(Material.objects.create(key="stiklas", name="Stiklas", name_en="Glass"))
    item.save_revision().publish()
    translate(item, "Stained glass")
    return item


def metadata(manifest: dict) -> dict[str, dict]:
    return {pair["label"]["en"][0]: pair["value"] for pair in manifest["metadata"]}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["lt", "en", "de"])
def test_each_language_slot_holds_that_languages_value(client, item, language):
    manifest = client.get("/iiif/manifest/KVB-VIT-901", HTTP_ACCEPT_LANGUAGE=language).json()
    values = metadata(manifest)
    assert values["Creators"] == {"lt": ["Dirbtuvė A (dirbtuvė)"], "en": ["Workshop A (workshop)"]}
    assert values["Place"] == {"lt": ["Herkaus Manto gatvė"], "en": ["Herkus Mantas Street"]}
    assert values["Techniques"] == {"lt": ["Tapyba ant stiklo"], "en": ["Glass painting"]}
    assert values["Materials"] == {"lt": ["Stiklas"], "en": ["Glass"]}
    assert manifest["label"] == {"lt": ["Vitražas"], "en": ["Stained glass"]}


@pytest.mark.django_db
def test_the_manifest_is_the_same_whatever_the_browsers_language(client, item):
    answers = [
        client.get("/iiif/manifest/KVB-VIT-901", HTTP_ACCEPT_LANGUAGE=language)
        for language in ("lt", "en", "en-GB,en;q=0.9")
    ]
    assert len({json.dumps(answer.json(), sort_keys=True) for answer in answers}) == 1
    assert len({answer["ETag"] for answer in answers}) == 1


@pytest.mark.django_db
def test_collections_and_exhibitions_are_the_same_whatever_the_browsers_language(client, home, collection, item):
    exhibition = home.add_child(
        instance=ExhibitionPage(
            title="Uostas",
            slug="uostas",
            body=json.dumps(
                [{"type": "highlight", "value": {"item": item.pk, "image_number": 1, "region": "", "caption": ""}}]
            ),
        )
    )
    translate(exhibition, "The harbour")
    for path in (
        "/iiif/collection/top",
        f"/iiif/collection/{collection.slug}",
        "/iiif/collection/exhibitions",
        "/iiif/exhibition/uostas",
    ):
        lithuanian = client.get(path, HTTP_ACCEPT_LANGUAGE="lt").json()
        english = client.get(path, HTTP_ACCEPT_LANGUAGE="en").json()
        assert lithuanian == english, path
    assert client.get("/iiif/exhibition/uostas").json()["label"] == {"lt": ["Uostas"], "en": ["The harbour"]}
