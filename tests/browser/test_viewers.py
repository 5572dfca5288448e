"""The deep-zoom viewers in a real browser: tiles, drawing, embeds in other sites, comparison, deep links."""

import json
import re
from urllib.parse import quote
from urllib.request import urlopen

import pytest

from archive.embeds.deeplinks import encode_content_state

from .helpers import IMAGE_BOUNDS, assert_drawn, wait_for_viewer
from .mirador import WINDOW_TITLES, wait_for_workspace

WINDOW_BOXES = """() => Array.from(document.querySelectorAll("section.mirador-window"))
  .map(section => section.getBoundingClientRect().toJSON())"""

pytestmark = [pytest.mark.service, pytest.mark.slow, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_item_page_viewer_draws_tiles_from_the_image_service(page, catalogue, site):
    item = catalogue["items"][0]
    tiles = []
    page.on(
        "response",
        lambda response: (
            tiles.append(response) if re.search(r"/iiif/3/browser-then/(?!info\.json)", response.url) else None
        ),
    )
    page.goto(site + item.url)
    wait_for_viewer(page, "BR-1")
    assert tiles and all(response.status == 200 for response in tiles)
    assert all(response.headers["content-type"] == "image/jpeg" for response in tiles)
    assert_drawn(page, "BR-1")
    assert page.locator(".viewer-fallback").is_hidden()


def test_item_page_viewer_answers_buttons_and_keys(page, catalogue, site):
    page.goto(site + catalogue["items"][0].url)
    wait_for_viewer(page, "BR-1")
    zoom = "() => window.archiveViewers['BR-1'].viewer.viewport.getZoom(true)"
    before = page.evaluate(zoom)
    page.get_by_role("button", name="Didinti").click()
    page.wait_for_function(f"before => ({zoom})() > before * 1.2", arg=before)
    page.get_by_role("application", name="Didinamas vaizdas: Turgaus aikštė").press("r")
    assert page.evaluate("() => window.archiveViewers['BR-1'].viewer.viewport.getRotation()") == 90
    page.get_by_role("button", name="Kitas vaizdas").click()
    page.wait_for_function("() => window.archiveViewers['BR-1'].viewer.currentPage() === 1")
    assert page.locator(".viewer-status").inner_text().startswith("Vaizdas 2 iš 2")


def test_then_now_slider_reveals_one_image_over_the_other(page, catalogue, site):
    page.goto(site + catalogue["items"][0].url)
    slider = page.get_by_label("Slinkite ribą tarp praeities (kairėje) ir dabarties (dešinėje)")
    slider.focus()
    slider.press("Home")
    now = page.locator(".then-now-now")
    assert "inset(0px 0px 0px 0%)" in now.evaluate("image => getComputedStyle(image).clipPath")
    assert page.locator(".then-now-then").evaluate("image => image.complete && image.naturalWidth") == 1200


def test_oembed_iframe_draws_inside_another_site_at_the_deep_linked_region(page, catalogue, site, other_origin):
    folder, origin = other_origin
    item = catalogue["items"][1]
    with urlopen(f"{site}/oembed?url={quote(site + item.url, safe='')}&format=json") as response:
        html = json.load(response)["html"]
    html = html.replace('/embed/item/BR-2/"', '/embed/item/BR-2/?xywh=400,300,800,600"')
    (folder / "school.html").write_text(
        f'<!DOCTYPE html><html lang="lt"><head><meta charset="utf-8"><title>Pamoka</title></head>'
        f"<body><h1>Klaipėdos istorija</h1>{html}</body></html>",
        encoding="utf-8",
    )
    page.goto(f"{origin}/school.html")
    frame = page.locator("iframe").element_handle().content_frame()
    wait_for_viewer(frame, "BR-2")
    assert_drawn(frame, "BR-2")
    bounds = frame.evaluate(IMAGE_BOUNDS, "BR-2")
    assert bounds["x"] <= 401 and bounds["y"] <= 301, bounds
    assert bounds["x"] + bounds["w"] >= 1199 and bounds["y"] + bounds["h"] >= 899, bounds
    assert bounds["w"] * bounds["h"] < 2 * 800 * 600, bounds


def test_content_state_opens_the_embed_on_its_canvas_and_region(page, catalogue, site):
    state = encode_content_state(
        {
            "type": "Annotation",
            "motivation": ["contentState"],
            "target": {"id": f"{site}/iiif/manifest/BR-1/canvas/2#xywh=0,0,400,300", "type": "Canvas"},
        }
    )
    page.goto(f"{site}/embed/?iiif-content={state}")
    wait_for_viewer(page, "BR-1")
    assert page.evaluate("() => window.archiveViewers['BR-1'].viewer.currentPage()") == 1
    bounds = page.evaluate(IMAGE_BOUNDS, "BR-1")
    assert bounds["x"] <= 1 and bounds["y"] <= 1 and bounds["w"] < 1000, bounds


@pytest.mark.parametrize("width, height", [(1366, 900), (390, 844)], ids=["desktop", "phone"])
def test_compare_view_opens_each_items_manifest_in_a_mirador_window(page, catalogue, site, width, height):
    page.set_viewport_size({"width": width, "height": height})
    manifests, tiles = [], []
    page.on("response", lambda response: manifests.append(response) if "/iiif/manifest/" in response.url else None)
    page.on(
        "response",
        lambda response: tiles.append(response) if re.search(r"/iiif/3/[^/]+/(?!info\.json)", response.url) else None,
    )
    page.goto(f"{site}/compare/?items=BR-1,BR-2")
    wait_for_workspace(page, windows=2)
    assert sorted(response.url for response in manifests) == [f"{site}/iiif/manifest/{n}" for n in ("BR-1", "BR-2")]
    assert all(response.status == 200 for response in manifests + tiles)
    drawn = {re.search(r"/iiif/3/([^/]+)/", response.url)[1] for response in tiles}
    assert drawn == {"browser-then", "browser-now"}
    assert page.evaluate(WINDOW_TITLES) == ["Turgaus aikštė", "Uosto vaizdas"]
    # Each window is wide enough to look at: side by side on a desktop, stacked on a phone.
    boxes = page.evaluate(WINDOW_BOXES)
    assert all(box["width"] >= min(width * 0.4, 320) for box in boxes), boxes
    side_by_side = boxes[0]["top"] == boxes[1]["top"]
    assert side_by_side == (width > 768)
    scroll_width, inner_width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll_width <= inner_width
