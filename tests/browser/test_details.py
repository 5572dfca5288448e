"""A citable detail: the item page links the part in view, and the detail link reopens that region."""

import re

import pytest

from .helpers import IMAGE_BOUNDS, wait_for_viewer

pytestmark = [pytest.mark.service, pytest.mark.slow, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_detail_link_reopens_the_same_region(page, catalogue, site):
    item = catalogue["items"][0]
    page.goto(f"{site}{item.url}?canvas=2&xywh=400,300,400,300")
    wait_for_viewer(page, "BR-1")
    link = page.locator(".detail-link a")
    link.wait_for(state="visible")
    href = link.get_attribute("href")
    match = re.search(r"/item/BR-1/detail/2/(\d+),(\d+),(\d+),(\d+)/$", href)
    assert match, href
    x, y, w, h = map(int, match.groups())
    assert x <= 401 and y <= 301 and x + w >= 799 and y + h >= 599, href

    page.goto(f"{site}{href}")
    assert page.locator("h1").inner_text().startswith("Turgaus aikštė")
    page.click("figcaption a")
    wait_for_viewer(page, "BR-1")
    bounds = page.evaluate(IMAGE_BOUNDS, "BR-1")
    assert bounds["x"] <= x + 1 and bounds["y"] <= y + 1, bounds
    assert bounds["x"] + bounds["w"] >= x + w - 1 and bounds["y"] + bounds["h"] >= y + h - 1, bounds
    assert bounds["w"] * bounds["h"] < 3 * w * h, bounds
