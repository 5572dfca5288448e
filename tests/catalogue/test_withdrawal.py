"""Unpublishing an item's original withdraws the item in every language and at every URL."""

import pytest
from wagtail.models import Locale

from media.ingest import ingest_image
from tests.factories import make_item
from tests.media.builders import write_grid

pytestmark = pytest.mark.django_db


@pytest.fixture
def bilingual_item(collection, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.IIIF_PYRAMID_ROOT = str(tmp_path / "pyramids")
    image = ingest_image(write_grid(tmp_path / "scan.png", 300, 200), identifier="withdrawn-1", title="Scan")
    original = make_item(collection, title="Tiltas", inventory_number="KVB-W-1", images=[image])
    english = original.copy_for_translation(Locale.objects.get_or_create(language_code="en")[0], copy_parents=True)
    english.save_revision().publish()
    return original, english.specific


def public_urls(english) -> list[str]:
    return [
        english.url,
        "/item/KVB-W-1/",
        "/en/item/KVB-W-1/",
        "/en/item/KVB-W-1/cite.bib",
        "/item/KVB-W-1/record.jsonld",
        "/embed/item/KVB-W-1/",
        "/iiif/3/withdrawn-1/info.json",
        "/iiif/manifest/KVB-W-1",
    ]


def test_unpublishing_the_original_withdraws_the_translation_and_every_url(client, bilingual_item):
    original, english = bilingual_item
    assert client.get(english.url).status_code == 200
    assert client.get("/iiif/3/withdrawn-1/info.json").status_code == 200
    original.unpublish()
    english.refresh_from_db()
    assert not english.live
    for url in public_urls(english):
        assert client.get(url).status_code == 404, url


def test_unpublishing_a_translation_leaves_the_original_public(client, bilingual_item):
    original, english = bilingual_item
    english.refresh_from_db()
    english.unpublish()
    assert client.get(english.url).status_code == 404
    original.refresh_from_db()
    assert original.live
    assert client.get(original.url).status_code == 200


def test_publishing_the_original_again_brings_back_the_translation_withdrawn_with_it(client, bilingual_item):
    original, english = bilingual_item
    original.unpublish()
    assert client.get("/en/item/KVB-W-1/").status_code == 404
    original.refresh_from_db()
    original.save_revision().publish()
    english.refresh_from_db()
    assert english.live
    assert client.get(english.url).status_code == 200
    assert client.get("/en/item/KVB-W-1/").status_code in (200, 301, 302)


def test_a_translation_its_editor_unpublished_stays_unpublished_when_the_original_returns(client, bilingual_item):
    original, english = bilingual_item
    english.refresh_from_db()
    english.unpublish()
    original.unpublish()
    original.refresh_from_db()
    original.save_revision().publish()
    english.refresh_from_db()
    assert not english.live
    assert client.get(english.url).status_code == 404


def test_the_translation_returns_as_it_was_live_not_with_later_drafts(client, bilingual_item):
    original, english = bilingual_item
    original.unpublish()
    english.refresh_from_db()
    english.title = "Draft title nobody approved"
    english.save_revision()
    original.refresh_from_db()
    original.save_revision().publish()
    english.refresh_from_db()
    assert not english.live  # the editor's later draft is the last word: the archive does not publish it
