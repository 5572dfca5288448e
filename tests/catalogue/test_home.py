"""The home page as a way in: search with examples, time, place, then and now, recent additions.

Every count it shows is what its link finds; nothing unpublished appears; search down leaves the rest."""

import re
from html import unescape

import pytest

from archive.catalogue.models import ItemImage
from archive.vocabularies.models import Place
from tests.factories import make_image, make_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(collection):
    harbour = Place.objects.create(key="uostas", name="Uostas", name_en="Harbour", latitude="55.7", longitude="21.1")
    square = Place.objects.create(key="aikste", name="Aikštė", name_en="Square")  # no coordinates: not mapped
    then, now = make_image("Then"), make_image("Now")
    paired = make_item(
        collection,
        title="Senoji perkėla",
        images=[then, now],
        place=harbour,
        date_text="apie 1935 m.",
        year_earliest=1930,
        year_latest=1940,
    )
    for link, view in zip(paired.images.all(), [ItemImage.View.THEN, ItemImage.View.NOW], strict=True):
        link.view = view
        link.save()
    plain = make_item(
        collection,
        title="Turgaus aikštė",
        images=[make_image("Scan")],
        place=square,
        date_text="1935 m.",
        year_earliest=1935,
        year_latest=1935,
    )
    draft = make_item(
        collection,
        title="Slaptas juodraštis",
        images=[make_image("Draft")],
        place=harbour,
        live=False,
        year_earliest=1950,
        year_latest=1950,
    )
    return {"paired": paired, "plain": plain, "draft": draft}


def section(html: str, heading_id: str) -> str:
    start = html.index(f'id="{heading_id}"')
    end = html.find("</section>", start)
    return html[start:end]


def links(fragment: str) -> list[tuple[str, str]]:
    return [
        (unescape(href), re.sub(r"\s+", " ", re.sub("<[^>]+>", " ", text)).strip())
        for href, text in re.findall(r'<a href="([^"]+)"[^>]*>(.*?)</a>', fragment, re.S)
    ]


def found_by(client, url: str) -> int:
    return client.get(url).context["found"].count


def test_each_decade_links_to_a_search_that_finds_the_count_it_shows(client, catalogue):
    html = client.get("/").content.decode()
    decades = links(section(html, "time-heading"))
    assert [href.split("?")[1] for href, _text in decades] == ["decade=1930", "decade=1940"]
    for href, text in decades:
        shown = int(re.search(r"(\d+) įraš", text)[1])
        assert found_by(client, href) == shown, href
    assert "1950" not in section(html, "time-heading")  # the draft's decade


def test_places_with_coordinates_are_mapped_and_counted_without_drafts(client, catalogue):
    html = client.get("/").content.decode()
    places = section(html, "places-heading")
    assert 'data-lat="55.700000"' in places and "Uostas" in places and "(1)" in places
    assert "Aikštė" not in places


def test_then_and_now_shows_only_items_with_both_views(client, catalogue):
    cards = section(client.get("/").content.decode(), "then-now-heading")
    assert "Senoji perkėla" in cards and "Turgaus aikštė" not in cards
    assert cards.count("<img") == 2


def test_recent_additions_are_published_items_newest_first(client, catalogue):
    recent = section(client.get("/").content.decode(), "recent-heading")
    assert recent.index("Turgaus aikštė") < recent.index("Senoji perkėla")
    assert "Slaptas juodraštis" not in recent


def test_examples_are_searches_that_find_something(client, catalogue):
    html = client.get("/").content.decode()
    examples = links(html[html.index('class="home-examples"') : html.index("</form>", html.index("home-examples"))])
    assert examples
    for href, _label in examples:
        assert found_by(client, href) >= 1, href


def test_the_home_page_works_while_search_is_down(client, catalogue, settings):
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="time-heading"' not in html and 'id="places-heading"' not in html
    assert "Senoji perkėla" in section(html, "then-now-heading")


def test_the_map_has_every_place_not_only_the_place_facets_first(client, catalogue, collection):
    from search.facet_table import FACET

    for number in range(FACET["place"].size + 5):
        place = Place.objects.create(
            key=f"vieta-{number:02d}", name=f"Vieta {number:02d}", latitude="55.7", longitude="21.1"
        )
        make_item(collection, title=f"Namas {number}", place=place)
    places = section(client.get("/").content.decode(), "places-heading")
    assert all(f"Vieta {number:02d}" in places for number in range(FACET["place"].size + 5))
