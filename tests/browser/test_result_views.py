"""The same search as a list, a map of its places and a time line of its decades, in Lithuanian and English,
at desktop and phone width: the switch keeps the words and filters, the map's markers show how many items
each place holds (or the list of places stands in for it), and the time line's counts are the decade
facet's. Every page loads its images, fits the width and passes axe."""

import http.server
import re
import threading
from urllib.parse import parse_qs, urlsplit

import pytest
import pyvips

from .helpers import AXE_SCRIPT, IMAGES_LOADED, RUN_AXE, VIEWPORTS, WCAG_TAGS, WIDTHS
from .journey_data import places_and_decades

pytestmark = [pytest.mark.service, pytest.mark.slow, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WORDS = {
    "lt": {
        "prefix": "",
        "map": "Žemėlapis",
        "timeline": "Laiko juosta",
        "list": "Sąrašas",
        "places": {"klaipeda": "Klaipėda", "smiltyne": "Smiltynė", "senamiestis": "Senamiestis"},
    },
    "en": {
        "prefix": "/en",
        "map": "Map",
        "timeline": "Timeline",
        "list": "List",
        "places": {"klaipeda": "Klaipeda", "smiltyne": "Smiltyne", "senamiestis": "Old Town"},
    },
}
SEARCH = "/search/?q=&from=1900"  # a filter the views must keep; the undated item is left out by it
COUNT = "() => Number(document.querySelector('p[aria-live]').textContent.match(/[0-9]+/)[0])"
# (value, count) of the decade facet in the sidebar, and of the time line's bars
FACET = r"""() => Array.from(document.querySelectorAll('input[name="decade"]')).map(box =>
  [box.value, Number(box.closest('label').querySelector('.facet-count').textContent.match(/[0-9]+/)[0])])
  .filter(pair => pair[1] > 0)"""
BARS = r"""() => Array.from(document.querySelectorAll('.timeline-bars a')).map(link =>
  [new URLSearchParams(link.search).get('decade'),
   Number(link.querySelector('.timeline-count').textContent.match(/[0-9]+/)[0])])"""
MARKERS = "() => Array.from(document.querySelectorAll('.leaflet-marker-icon')).map(m => [m.title, m.textContent])"


class TileHandler(http.server.BaseHTTPRequestHandler):
    """One grey 256 px tile for every address: a tile server on this machine."""

    tile = pyvips.Image.black(256, 256).new_from_image([200, 200, 200]).copy(interpretation="srgb").pngsave_buffer()

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(self.tile)))
        self.end_headers()
        self.wfile.write(self.tile)

    def log_message(self, format, *args):
        pass


@pytest.fixture
def tiles(settings):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), TileHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.MAP_TILE_URL = f"http://127.0.0.1:{server.server_address[1]}/{{z}}/{{x}}/{{y}}.png"
    yield settings.MAP_TILE_URL
    server.shutdown()
    server.server_close()


@pytest.fixture
def mapped(catalogue):
    return places_and_decades(catalogue)


def check_page(page, context: str) -> None:
    page.wait_for_load_state("networkidle")
    assert page.evaluate(IMAGES_LOADED) == [], context
    scroll_width, inner_width = page.evaluate(WIDTHS)
    assert scroll_width <= inner_width, f"{context} is {scroll_width} px wide in a {inner_width} px window"
    page.evaluate(AXE_SCRIPT.read_text())
    assert page.evaluate(RUN_AXE, WCAG_TAGS) == [], context


def params(url: str) -> dict:
    return parse_qs(urlsplit(url).query, keep_blank_values=True)


@pytest.mark.parametrize("language", WORDS)
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_map_and_timeline_of_the_same_search(page, mapped, tiles, site, viewport, language):
    width, height = VIEWPORTS[viewport]
    words = WORDS[language]
    page.set_viewport_size({"width": width, "height": height})
    page.goto(site + words["prefix"] + SEARCH)
    assert page.evaluate(COUNT) == 3
    views = page.get_by_role("navigation").filter(has=page.get_by_role("link", name=words["map"], exact=True))

    with page.expect_navigation():
        views.get_by_role("link", name=words["map"], exact=True).click()
    assert params(page.url) == {"from": ["1900"], "view": ["map"]}
    assert page.evaluate(COUNT) == 3
    page.wait_for_function("() => document.querySelectorAll('.leaflet-marker-icon').length === 2")
    page.wait_for_function("() => Array.from(document.querySelectorAll('.leaflet-tile')).every(t => t.complete)")
    assert sorted(page.evaluate(MARKERS)) == sorted(
        [[f"{words['places']['klaipeda']} (2)", "2"], [f"{words['places']['smiltyne']} (1)", "1"]]
    )
    places = page.locator(".result-place-list li")
    assert places.count() == 2  # the undated item of the Old Town is outside the years
    check_page(page, "map view")
    page.locator(".leaflet-marker-icon").filter(has_text="2").click()
    popup = page.locator(".leaflet-popup-content a")
    with page.expect_navigation():
        popup.click()
    assert params(page.url) == {"from": ["1900"], "place": ["klaipeda"]}
    assert page.evaluate(COUNT) == 2 and page.locator(".search-result").count() == 2

    page.goto(site + words["prefix"] + SEARCH)
    with page.expect_navigation():
        views.get_by_role("link", name=words["timeline"], exact=True).click()
    assert params(page.url) == {"from": ["1900"], "view": ["timeline"]}
    facet = page.evaluate(FACET)
    assert page.evaluate(BARS) == facet == [["1930", 2], ["1940", 1], ["1960", 1]]
    check_page(page, "timeline view")
    with page.expect_navigation():
        page.locator(".timeline-bars a").first.click()
    assert params(page.url) == {"from": ["1900"], "decade": ["1930"]}
    assert page.evaluate(COUNT) == 2
    assert page.locator(".search-views a[aria-current]").inner_text() == words["list"]


def test_ticking_a_filter_keeps_the_view(page, mapped, site):
    page.goto(f"{site}/en/search/?q=&view=timeline")
    if not page.locator("#search-filters").evaluate("details => details.open"):
        page.locator("#search-filters > summary").click()
    with page.expect_navigation():
        page.locator('input[name="place"][value="klaipeda"]').check()
    assert params(page.url)["view"] == ["timeline"] and params(page.url)["place"] == ["klaipeda"]
    assert page.evaluate(BARS) == [["1930", 2], ["1940", 1]]
    chip = page.locator(".search-chip")
    with page.expect_navigation():
        chip.click()
    assert params(page.url)["view"] == ["timeline"] and "place" not in params(page.url)


def test_without_javascript_or_tiles_the_places_are_a_list(browser, mapped, site, settings):
    settings.MAP_TILE_URL = ""  # no tile server configured: the list alone
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{site}/search/?q=&view=map")
        assert page.locator(".place-map").count() == 0
        entries = [re.sub(r"\s+", " ", text) for text in page.locator(".result-place-list li").all_inner_texts()]
        assert entries == ["Klaipėda (2 įrašai)", "Senamiestis (1 įrašas)", "Smiltynė (1 įrašas)"]
        page.goto(f"{site}/search/?q=&view=timeline")
        assert page.locator(".timeline-bars li").count() == 3
        assert page.locator(".result-undated a").get_attribute("href") == "?undated=1"
    finally:
        context.close()
