"""The sample exhibitions (collections/exhibitions.yaml): load_collections checks them like every record,
creates them in both languages with a highlighted region, and their pages and IIIF manifests answer."""

import pytest

from archive.exhibitions.models import ExhibitionPage
from tests.catalogue.seed_tree import failed_load, item, load, write, write_seed_tree
from tests.oai.samples import load_sample_collections


@pytest.mark.django_db
def test_the_sample_exhibitions_load_in_both_languages_and_answer(client, tmp_path):
    load_sample_collections(tmp_path / "collections")
    pages = ExhibitionPage.objects.live().select_related("locale")
    assert sorted(page.locale.language_code for page in pages) == ["en", "en", "lt", "lt"]
    for page in pages:
        marker = "(sample exhibition)" if page.locale.language_code == "en" else "(pavyzdinė paroda)"
        assert marker in page.title
        assert all(found["item"].locale_id == page.locale_id for found in page.highlights())
        assert [found["region"] for found in page.highlights()][0].count(",") == 3
        assert len(page.items()) >= 4
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.highlights()[0]["item"].title in response.content.decode()
    for slug in ("jura-languose", "miestas-tada-ir-dabar"):
        response = client.get(f"/iiif/exhibition/{slug}")
        assert response.status_code == 200, slug
        assert len(response.json()["items"]) >= 4


def exhibition(**story_block) -> dict:
    return {"slug": "paroda", "title": {"lt": "Paroda (pavyzdys)", "en": "Exhibition (sample)"}, "story": [story_block]}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("block", "problem"),
    [
        ({"highlight": {"item": "T-404", "image": 1}}, "story.1.highlight: unknown inventory number 'T-404'"),
        ({"highlight": {"item": "T-001", "image": 3}}, "story.1.highlight.image: the item has 1 image(s)"),
        ({"highlight": {"item": "T-001", "region": "50,40,100,100"}}, "story.1.highlight.region:"),
        ({"gallery": {"items": []}}, "story.1.gallery.items: is required"),
        ({"poem": "..."}, "story.1: must be a mapping with one of text, highlight, gallery, map, timeline"),
    ],
)
def test_a_wrong_exhibition_is_refused_and_nothing_is_loaded(tmp_path, block, problem):
    root = write_seed_tree(tmp_path, items=[item("T-001")])
    write(root / "exhibitions.yaml", {"exhibitions": [exhibition(**block)]})
    output = failed_load(root)
    assert f"exhibitions.yaml: exhibition 1: {problem}" in output
    assert not ExhibitionPage.objects.exists()


@pytest.mark.django_db
def test_an_exhibition_points_to_the_items_of_its_language(tmp_path):
    root = write_seed_tree(tmp_path)
    write(
        root / "exhibitions.yaml",
        {
            "exhibitions": [
                {
                    "slug": "paroda",
                    "title": {"lt": "Paroda (pavyzdys)", "en": "Exhibition (sample)"},
                    "hero": "T-001",
                    "story": [
                        {"text": {"lt": "Tekstas.", "en": "Text."}},
                        {"highlight": {"item": "T-001", "region": "10,10,40,30"}},
                        {"gallery": {"items": ["T-001", "T-002"]}},
                    ],
                }
            ]
        },
    )
    load(root)
    load(root)  # a second run updates, never duplicates
    pages = {page.locale.language_code: page for page in ExhibitionPage.objects.select_related("locale")}
    assert set(pages) == {"lt", "en"}
    for language, page in pages.items():
        assert [found["item"].locale.language_code for found in page.highlights()] == [language]
        assert page.highlights()[0]["region"] == "10,10,40,30"
        assert [entry.inventory_number for entry in page.items()] == ["T-001", "T-002"]
        assert page.hero_image is not None
    assert "<p>Text.</p>" in str(pages["en"].body[0].value)
