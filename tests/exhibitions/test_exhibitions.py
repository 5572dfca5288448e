import json

import pytest
from django.utils import translation
from wagtail.blocks.struct_block import StructBlockValidationError

from archive.catalogue.models import ItemImage
from archive.catalogue.regions import RegionError, parse_region
from archive.exhibitions.blocks import ItemHighlightBlock, ThenNowBlock
from archive.exhibitions.models import ExhibitionPage
from archive.vocabularies.models import Place
from tests.factories import make_image, make_item


@pytest.fixture
def items(collection):
    place = Place.objects.create(key="teatro", name="Teatro aikštė", latitude=55.7105, longitude=21.1317)
    window = make_item(
        collection,
        title="Langas su laivu",
        inventory_number="E-1",
        year_earliest=1936,
        year_latest=1936,
        date_text="1936 m.",
        place=place,
        images=[make_image("Laivas", 400, 300)],
    )
    square = make_item(
        collection,
        title="Aikštė",
        inventory_number="E-2",
        year_earliest=1900,
        year_latest=1910,
        date_text="XX a. pr.",
        images=[make_image("Tada", 300, 200), make_image("Dabar", 300, 200)],
    )
    then, now = square.images.all()
    then.view, now.view = ItemImage.View.THEN, ItemImage.View.NOW
    then.save()
    now.save()
    draft = make_item(
        collection, title="Juodraštis", inventory_number="E-3", live=False, images=[make_image("Slaptas")]
    )
    return window, square, draft


def story(window, square, draft) -> str:
    return json.dumps(
        [
            {"type": "text", "value": "<p>Apie uostą.</p>"},
            {
                "type": "highlight",
                "value": {
                    "item": window.pk,
                    "image_number": 1,
                    "region": "10,20,100,50",
                    "caption": "<p>Laivo detalė</p>",
                },
            },
            {"type": "then_now", "value": {"item": square.pk, "caption": "Aikštė tada ir dabar"}},
            {"type": "quote", "value": {"text": "Miestas prie jūros.", "attribution": "Pavyzdinis autorius"}},
            {"type": "gallery", "value": {"heading": "Daugiau", "items": [window.pk, square.pk, draft.pk]}},
            {"type": "map", "value": {"heading": "Žemėlapis"}},
            {"type": "timeline", "value": {"heading": "Laiko juosta"}},
            {"type": "viewer", "value": {"item": window.pk}},
            {"type": "highlight", "value": {"item": draft.pk, "image_number": 1, "region": "", "caption": ""}},
        ]
    )


@pytest.fixture
def exhibition(home, items):
    return home.add_child(instance=ExhibitionPage(title="Uostas", slug="uostas", body=story(*items)))


@pytest.mark.django_db
def test_exhibition_with_every_block_kind_renders(client, exhibition):
    html = client.get(exhibition.url).content.decode()
    assert "Apie uostą." in html
    assert "/10,20,100,50/max/0/default.jpg" in html  # the highlighted detail through IIIF, at its own size
    assert "?xywh=10,20,100,50" in html
    assert "Aikštė tada ir dabar" in html
    assert "Miestas prie jūros." in html
    assert 'class="map-fallback"' in html and "Teatro aikštė" in html
    assert html.index("XX a. pr.") < html.index("(1936 m.)")  # timeline in date order
    assert "/embed/item/E-1/" in html


@pytest.mark.django_db
def test_unpublished_items_do_not_appear_in_an_exhibition(client, exhibition):
    html = client.get(exhibition.url).content.decode()
    assert "Juodraštis" not in html
    assert [item.inventory_number for item in exhibition.items()] == ["E-1", "E-2"]


@pytest.mark.django_db
def test_exhibition_manifest_has_canvases_and_a_range_per_detail(client, exhibition):
    manifest = client.get("/iiif/exhibition/uostas").json()
    assert manifest["type"] == "Manifest"
    assert len(manifest["items"]) == 3  # every image of every published item the story shows
    (detail,) = manifest["structures"]
    assert detail["type"] == "Range"
    (target,) = detail["items"]
    assert target["type"] == "SpecificResource" and target["source"].endswith("/canvas/1")
    assert target["selector"]["value"] == "xywh=10,20,100,50"


@pytest.mark.django_db
def test_exhibitions_are_listed_in_their_iiif_collection_and_on_the_home_page(client, home, exhibition):
    listing = client.get("/iiif/collection/exhibitions").json()
    assert [entry["id"] for entry in listing["items"]] == ["http://127.0.0.1:8000/iiif/exhibition/uostas"]
    assert "Uostas" in client.get(home.url).content.decode()


@pytest.mark.django_db
def test_highlight_region_outside_the_image_is_refused(items):
    window = items[0]
    block = ItemHighlightBlock()
    value = block.to_python({"item": window.pk, "image_number": 1, "region": "300,200,200,200", "caption": ""})
    for language, reason in [
        ("en", "reaches outside the image (400 × 300 px)"),
        ("lt", "išeina už vaizdo ribų (400 × 300 px)"),
    ]:
        with translation.override(language), pytest.raises(StructBlockValidationError) as raised:
            block.clean(value)
        assert reason in str(raised.value.block_errors["region"])


@pytest.mark.django_db
def test_highlight_of_a_missing_image_number_is_refused(items):
    block = ItemHighlightBlock()
    value = block.to_python({"item": items[0].pk, "image_number": 3, "region": "", "caption": ""})
    with pytest.raises(StructBlockValidationError):
        block.clean(value)


@pytest.mark.django_db
def test_then_now_block_needs_a_pair(items):
    block = ThenNowBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"item": items[0].pk, "caption": ""}))
    assert block.clean(block.to_python({"item": items[1].pk, "caption": ""}))["item"].pk == items[1].pk


@pytest.mark.parametrize("text", ["", "1,2,3", "a,b,c,d", "1,2,0,5", "-1,2,3,4"])
def test_region_text_is_checked(text):
    with pytest.raises(RegionError):
        parse_region(text)


def test_region_is_normalised():
    assert str(parse_region(" 1, 2 ,3,4 ")) == "1,2,3,4"


@pytest.mark.django_db
def test_the_english_exhibition_shows_english_items_and_marks_the_untranslated(client, exhibition, items):
    from wagtail.models import Locale

    window, square, _draft = items
    english = Locale.objects.get_or_create(language_code="en")[0]
    translated = window.copy_for_translation(english, copy_parents=True)
    translated.title, translated.date_text = "Window with a ship", "1936"
    translated.save_revision().publish()
    story_en = exhibition.copy_for_translation(english, copy_parents=True)
    story_en.save_revision().publish()
    html = client.get(story_en.specific.url).content.decode()
    # Every block of the English story links the English item, in English (timeline included)...
    assert "Window with a ship" in html and "Langas su laivu" not in html
    assert "/en/embed/item/E-1/" in html and "(1936)" in html
    # ...and an item without an English page keeps its Lithuanian title, marked as Lithuanian.
    assert '<span class="card-title" lang="lt">Aikštė</span>' in html
    assert 'lang="lt">(XX a. pr.)' in html
