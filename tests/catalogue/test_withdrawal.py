"""Unpublishing an item's original withdraws the item in every language and at every URL."""

import pytest
from wagtail.models import Locale

from media.ingest import ingest_image
from tests.factories import make_item
from tests.media.conftest import write_grid

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
    return [english.url, "/item/KVB-W-1/", "/en/item/KVB-W-1/", "/en/item/KVB-W-1/cite.bib",
            "/item/KVB-W-1/record.jsonld", "/embed/item/KVB-W-1/", "/iiif/3/withdrawn-1/info.json",
            "/iiif/manifest/KVB-W-1"]


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
    english.unpublish()
    original.refresh_from_db()
    assert original.live
    assert client.get(original.url).status_code == 200
