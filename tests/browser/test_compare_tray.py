"""A researcher gathers items to compare as they go: two from the search results and one from an item page,
kept in the tray at the bottom of every page, then compares them and takes one out again; in Lithuanian
and English, at desktop and phone width. Every page visited loads its images, fits the width and passes axe."""

import re

import pytest

from .helpers import AXE_SCRIPT, IMAGES_LOADED, RUN_AXE, VIEWPORTS, WCAG_TAGS, WIDTHS
from .journey_data import ITEMS, places_and_decades
from .mirador import wait_for_workspace

pytestmark = [pytest.mark.service, pytest.mark.slow, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# What the page says, per language: the prefix, "Add to compare", a removal's label and announcements.
WORDS = {
    "lt": {
        "prefix": "",
        "add": "Įtraukti į palyginimą",
        "remove": "Pašalinti iš palyginimo: {}",
        "added": "Įtraukta į palyginimą: {}. {} iš 4.",
        "removed": "Pašalinta iš palyginimo: {}.",
        "compare": "Palyginti",
    },
    "en": {
        "prefix": "/en",
        "add": "Add to compare",
        "remove": "Remove {} from the comparison",
        "added": "Added to the comparison: {}. {} of 4.",
        "removed": "Removed from the comparison: {}.",
        "compare": "Compare",
    },
}
TITLE = {"lt": 0, "en": 1}
STATUS = "() => document.getElementById('compare-tray-status').textContent"
TRAY_NAMES = "() => Array.from(document.querySelectorAll('.compare-tray-name')).map(name => name.textContent)"


@pytest.fixture
def gathered(catalogue):
    return places_and_decades(catalogue)


def title(number: str, language: str) -> str:
    return ITEMS[number][TITLE[language]]


def add_name(number: str, language: str) -> re.Pattern:
    """ "Add to compare" and, for screen readers, which item."""
    return re.compile(rf"^{WORDS[language]['add']}\s*:\s*{title(number, language)}$")


def check_page(page, context: str) -> None:
    """Every image loaded, nothing sideways, no axe violation."""
    page.wait_for_load_state("networkidle")
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")  # lazy images too
    page.wait_for_load_state("networkidle")
    assert page.evaluate(IMAGES_LOADED) == [], context
    scroll_width, inner_width = page.evaluate(WIDTHS)
    assert scroll_width <= inner_width, f"{context} is {scroll_width} px wide in a {inner_width} px window"
    page.evaluate(AXE_SCRIPT.read_text())
    assert page.evaluate(RUN_AXE, WCAG_TAGS) == [], context
    page.evaluate("() => window.scrollTo(0, 0)")


def add_from_results(page, number: str, language: str, count: int) -> None:
    card = page.locator(".search-result").filter(has=page.locator(f'[data-compare-item="{number}"]'))
    button = card.get_by_role("button", name=add_name(number, language))
    button.click()
    said = WORDS[language]["added"].format(title(number, language), count)
    page.wait_for_function(f"said => ({STATUS})() === said", arg=said)


@pytest.mark.parametrize("language", WORDS)
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_items_gathered_from_results_and_an_item_page_are_compared(page, gathered, site, viewport, language):
    width, height = VIEWPORTS[viewport]
    words = WORDS[language]
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{site}{words['prefix']}/search/?q=")
    assert page.locator(".search-result").count() == 4
    assert page.locator("#compare-tray").is_hidden()  # nothing chosen yet
    assert page.locator(".search-result-compare").first.is_hidden()  # the tray replaces the boxes
    add_from_results(page, "BR-1", language, 1)
    add_from_results(page, "BR-2", language, 2)
    tray = page.locator("#compare-tray")
    assert tray.is_visible() and tray.locator("img").count() == 2
    check_page(page, "results with the tray")

    with page.expect_navigation():
        page.get_by_role("link", name=title("BR-3", language), exact=True).click()
    assert tray.locator("img").count() == 2  # the tray came along
    page.get_by_role("button", name=add_name("BR-3", language)).click()
    page.wait_for_function("() => document.querySelectorAll('.compare-tray-item').length === 3")
    assert page.evaluate(TRAY_NAMES) == [title(number, language) for number in ("BR-1", "BR-2", "BR-3")]
    check_page(page, "item page with the tray")

    with page.expect_navigation():
        tray.get_by_role("link", name=words["compare"], exact=True).click()
    assert re.search(r"/compare/\?items=BR-1,BR-2,BR-3$", page.url), page.url
    wait_for_workspace(page, 3)  # side by side, or stacked on a phone
    assert page.locator(".compare-items .card").count() == 3

    page.go_back()
    remove = tray.get_by_role("button", name=words["remove"].format(title("BR-2", language)))
    remove.focus()
    page.keyboard.press("Enter")  # by keyboard; the focus moves on to the next item's button
    page.wait_for_function("() => document.querySelectorAll('.compare-tray-item').length === 2")
    page.wait_for_function("() => document.getElementById('compare-tray-status').textContent.length > 0")
    assert page.evaluate(STATUS) == words["removed"].format(title("BR-2", language))
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == words["remove"].format(
        title("BR-3", language)
    )
    assert page.evaluate(TRAY_NAMES) == [title("BR-1", language), title("BR-3", language)]
    with page.expect_navigation():
        tray.get_by_role("link", name=words["compare"], exact=True).click()
    assert page.url.endswith("/compare/?items=BR-1,BR-3")
    assert page.locator(".compare-items .card").count() == 2


def test_the_tray_holds_as_many_items_as_the_comparison_takes(page, gathered, site):
    page.goto(f"{site}/en/search/?q=")
    page.evaluate(
        "() => localStorage.setItem('archive-compare', JSON.stringify(['A-1', 'A-2', 'A-3', 'A-4']"
        ".map(id => ({id: id, title: id}))))"
    )
    page.reload()
    assert page.locator(".compare-tray-item").count() == 4
    page.locator(".compare-add").first.click()  # a fifth is refused, and the tray says why
    page.wait_for_function("() => document.getElementById('compare-tray-status').textContent.length > 0")
    assert page.evaluate(STATUS) == "The comparison holds at most 4 items: remove one first."
    assert page.locator(".compare-tray-item").count() == 4
    page.get_by_role("button", name="Clear").click()
    assert page.locator("#compare-tray").is_hidden()
    assert page.evaluate("() => document.activeElement.className") == "compare-add"


def test_without_javascript_the_compare_boxes_still_work(browser, gathered, site):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{site}/search/?q=")
        assert page.locator(".compare-add").count() == 0 and page.locator("#compare-tray").is_hidden()
        page.locator('input[name="items"][value="BR-1"]').check()
        page.locator('input[name="items"][value="BR-4"]').check()
        with page.expect_navigation():
            page.get_by_role("button", name="Palyginti pažymėtus objektus").click()
        assert page.locator(".compare-items .card").count() == 2
    finally:
        context.close()
