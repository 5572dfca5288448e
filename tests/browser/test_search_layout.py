"""The search page as researchers expect it, at desktop and phone width, in Lithuanian and English: the
first result in the first screen, facets that search when ticked, chips that remove their filter."""

import pytest
from wagtail.models import Locale

from archive.vocabularies.models import Technique
from search.indexing import sync_changes
from tests.factories import make_item

from .helpers import AXE_SCRIPT, IMAGES_LOADED, RUN_AXE, VIEWPORTS, WCAG_TAGS, WIDTHS

pytestmark = [pytest.mark.service, pytest.mark.slow, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# (address, the label of the technique to tick, results before and after ticking it)
SEARCHES = {
    "lt": ("/search/?q=vitražas", "Technika ar medžiaga: tapyba", 3, 1),
    "en": ("/en/search/?q=glass", "Technique or material: painting", 3, 1),
}
ENGLISH_TITLES = {
    "Vitražas su herbu": "Stained glass with a coat of arms",
    "Vitražas su laivu": "Stained glass with a ship",
    "Vitražas ir tapyba": "Stained glass and painting",
}
COUNT = "() => Number(document.querySelector('p[aria-live]').textContent.match(/[0-9]+/)[0])"
FIRST_CARD = "() => document.querySelector('.search-result').getBoundingClientRect().toJSON()"
THUMBNAILS = """() => Array.from(document.querySelectorAll('.search-result img'))
  .map(image => [image.getAttribute('loading'), image.getAttribute('width'), image.getAttribute('height')])"""


@pytest.fixture
def searchable(catalogue):
    """Three stained glass items with a picture each, two in glass alone and one painted too, in both languages."""
    glass = Technique.objects.create(key="vitrazas", name="vitražas", name_en="stained glass")
    paint = Technique.objects.create(key="tapyba", name="tapyba", name_en="painting")
    picture = catalogue["items"][0].ordered_images()[0].image
    english = Locale.objects.get_or_create(language_code="en")[0]
    for title, techniques in [
        ("Vitražas su herbu", [glass]),
        ("Vitražas su laivu", [glass]),
        ("Vitražas ir tapyba", [glass, paint]),
    ]:
        item = make_item(
            catalogue["collection"],
            title=title,
            images=[picture],
            techniques=techniques,
            date_text="1936 m.",
            year_earliest=1936,
            year_latest=1936,
        )
        translation = item.copy_for_translation(english, copy_parents=True)
        translation.title = ENGLISH_TITLES[title]
        translation.techniques.set(techniques)
        translation.save_revision().publish()
    sync_changes()
    return catalogue


def open_filters(page) -> None:
    """On a phone the facets are behind "Filters (n)"; on a desktop they are an open sidebar."""
    if not page.locator("#search-filters").evaluate("details => details.open"):
        page.locator("#search-filters > summary").click()


def assert_page_fits(page, height: int) -> None:
    card = page.evaluate(FIRST_CARD)
    assert 0 <= card["top"] and card["top"] + 40 <= height, f"the first result starts at {card['top']} px"
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")  # lazy images too
    page.wait_for_load_state("networkidle")
    assert page.evaluate(IMAGES_LOADED) == []
    assert all(loading == "lazy" and width and height for loading, width, height in page.evaluate(THUMBNAILS))
    scroll_width, inner_width = page.evaluate(WIDTHS)
    assert scroll_width <= inner_width, f"{page.url} is {scroll_width} px wide in a {inner_width} px window"
    page.evaluate("() => window.scrollTo(0, 0)")


def axe_violations(page) -> list:
    page.evaluate(AXE_SCRIPT.read_text())
    return page.evaluate(RUN_AXE, WCAG_TAGS)


@pytest.mark.parametrize("language", SEARCHES)
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_results_come_first_and_facets_search_at_once(page, searchable, site, viewport, language):
    width, height = VIEWPORTS[viewport]
    address, chip_text, before, after = SEARCHES[language]
    page.set_viewport_size({"width": width, "height": height})
    page.goto(site + address)
    assert page.evaluate(COUNT) == before
    assert len(page.locator(".search-result img").all()) == before
    assert_page_fits(page, height)
    assert axe_violations(page) == []

    open_filters(page)
    assert page.locator("[data-apply]").first.is_hidden()  # JavaScript runs: no Apply to press, and it says so
    assert page.locator("[data-instant-hint]").is_visible()
    with page.expect_navigation():
        page.locator('input[name="technique"][value="tapyba"]').check()
    assert "technique=tapyba" in page.url
    assert page.evaluate(COUNT) == after
    chip = page.locator(".search-chip")
    assert chip.count() == 1 and chip.inner_text().startswith(chip_text)
    assert page.locator("#search-filters > summary").inner_text().endswith("(1)")
    if viewport == "desktop":  # the keyboard carries on from the box it ticked
        assert (
            page.evaluate("() => document.activeElement.name + '=' + document.activeElement.value")
            == "technique=tapyba"
        )
    assert_page_fits(page, height)
    open_filters(page)
    assert axe_violations(page) == []  # with the chips, and the facets open on a phone

    with page.expect_navigation():
        chip.click()
    assert "technique=" not in page.url and page.evaluate(COUNT) == before
    assert page.locator(".search-chip").count() == 0


def test_without_javascript_the_apply_button_searches(browser, searchable, site):
    context = browser.new_context(viewport={"width": 1366, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site + SEARCHES["lt"][0])
        page.locator("#search-filters > summary").click()  # no script to open the sidebar: a disclosure
        page.locator('input[name="technique"][value="tapyba"]').check()
        assert "technique=" not in page.url  # ticking alone does nothing without JavaScript
        with page.expect_navigation():
            page.get_by_role("button", name="Taikyti filtrus").click()
        assert "technique=tapyba" in page.url and page.locator(".search-count").inner_text().startswith("Rastas 1 ")
    finally:
        context.close()
