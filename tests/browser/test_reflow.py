"""The pages a researcher visits, at desktop and phone width: every image loads, nothing scrolls sideways."""

import pytest

from .helpers import IMAGES_LOADED, VIEWPORTS, WIDTHS, wait_for_viewer

pytestmark = [pytest.mark.service, pytest.mark.slow, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_researchers_pages_load_every_image_and_fit_the_width(page, catalogue, site, viewport):
    width, height = VIEWPORTS[viewport]
    page.set_viewport_size({"width": width, "height": height})
    item = catalogue["items"][0]
    pages = [
        site + "/",
        site + "/en/",
        site + catalogue["collection"].url,
        site + item.url,
        f"{site}/search/?q=Turgaus",
        f"{site}/item/BR-1/detail/1/100,100,300,200/",
    ]
    for url in pages:
        page.goto(url)
        if url == site + item.url:
            wait_for_viewer(page, "BR-1")
        page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")  # lazy images too
        page.wait_for_load_state("networkidle")
        assert page.evaluate(IMAGES_LOADED) == [], url
        scroll_width, inner_width = page.evaluate(WIDTHS)
        assert scroll_width <= inner_width, f"{url} is {scroll_width} px wide in a {inner_width} px window"
