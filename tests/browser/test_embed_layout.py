"""The embed as schools frame it: small frames and phones, Lithuanian and English. Every line stays
readable: nothing overlaps, nothing leaves the frame, and the image keeps most of the room."""

import itertools

import pytest

from .helpers import wait_for_viewer

pytestmark = [pytest.mark.service, pytest.mark.slow, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

FRAMES = {"small frame": (400, 300), "oEmbed default": (640, 480), "phone": (390, 844)}
PARTS = (".embed-title", ".viewer-toolbar", ".viewer-canvas", ".viewer-status", ".embed-credit")
BOXES = """selectors => selectors.map(selector => {
  const box = document.querySelector(selector).getBoundingClientRect();
  return {selector, top: box.top, bottom: box.bottom, left: box.left, right: box.right};
})"""


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("prefix, language", [("", "lt"), ("/en", "en")])
def test_every_line_of_the_embed_is_readable_in_any_frame(page, catalogue, site, frame, prefix, language):
    width, height = FRAMES[frame]
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{site}{prefix}/embed/item/BR-1/")
    wait_for_viewer(page, "BR-1")
    assert page.evaluate("() => document.documentElement.lang") == language
    # A part a short frame leaves out (the image line) has no box; the others must not overlap.
    boxes = [box for box in page.evaluate(BOXES, list(PARTS)) if box["bottom"] > box["top"]]
    for above, below in itertools.pairwise(boxes):
        assert above["bottom"] <= below["top"] + 0.5, f"{above['selector']} overlaps {below['selector']}"
    for box in boxes:
        assert box["top"] >= 0 and box["bottom"] <= height + 0.5, f"{box['selector']} leaves the frame"
        assert box["left"] >= 0 and box["right"] <= width + 0.5, f"{box['selector']} leaves the frame"
    canvas = next(box for box in boxes if box["selector"] == ".viewer-canvas")
    assert canvas["bottom"] - canvas["top"] >= 0.45 * height, "the image has less than 45 % of the frame"
    toolbar = next(box for box in boxes if box["selector"] == ".viewer-toolbar")
    if width <= 480:
        assert toolbar["bottom"] - toolbar["top"] <= 40, "the toolbar is not compact in a small frame"
