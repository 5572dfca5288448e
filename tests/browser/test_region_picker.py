"""A Lithuanian curator marks details on an item's image in the admin: drawing a rectangle on the image
(1366x900) fills the x,y,w,h field, typing the field moves the rectangle (390x844), the exhibition's
highlight block has the same picker, and once published the public page shows the note on that region.
Every admin page visited shows none of the admin's English that our Lithuanian catalogue now covers."""

import json
import re

import pytest
from wagtail.users.models import UserProfile

from archive.catalogue.models import ItemPage
from archive.exhibitions.models import ExhibitionPage
from tests.factories import make_member

from .roles import PASSWORD, ensure_roles, log_in_with_the_form

pytestmark = [pytest.mark.service, pytest.mark.slow, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
IMAGE = (1600, 1200)  # the catalogue fixture's pictures
# English the Lithuanian admin showed before our catalogue translated it (archive/locale/lt: django.po for
# the pages, djangojs.po for Wagtail's JavaScript), and the picker's own words.
FIXED_ENGLISH = [
    "Toggle sidebar",
    "Toggle side panel",
    "Collapse all",
    "Expand all",
    "Insert a block",
    "new items in this menu",
    "new item in this menu",
    "Cancel workflow",
    "is currently awaiting moderation",
    "Only reviewers for this task can edit",
    "Locked by you",
    "Locked by another user",
    "can make changes while the",
    "lock it to prevent",
    "Side panel width",
    "In Moderation",
    "View details",
    "Sent to ",
    "No publishing schedule set",
    "Set schedule",
    "No other translations",
    "Page visibility",
    "Visible to all",
    "Once live anyone can view",
    "Change privacy",
    "Referenced ",
    "Locale: ",
    "Draw on the image",
    "Hide the image",
    "Draw a rectangle",
    "Drag across the image",
    "Loading the image",
    "Choose the item's image first",
    "Image to draw the region on",
]


@pytest.fixture(autouse=True)
def no_autosave(settings):
    """Wagtail saves the editor 500 ms after each change. The test database is SQLite in memory with a shared
    cache, where two overlapping writes fail at once ("database table is locked") instead of waiting as the
    embedded run's SQLite file does; an autosave racing "Save draft" failed 2 of 5 runs."""
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0


@pytest.fixture
def curator(catalogue):
    ensure_roles()
    user = make_member("kuratore", "Curators", PASSWORD)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "lt"
    profile.save()
    return user


def fixed_english_on(page) -> list[str]:
    """Lines (text, aria-labels, titles) of the visible page holding English from FIXED_ENGLISH."""
    page.wait_for_load_state("networkidle")
    lines = page.inner_text("body").splitlines() + page.eval_on_selector_all(
        "[aria-label], [title]", "nodes => nodes.map(n => n.getAttribute('aria-label') || n.title)"
    )
    return [line for line in lines if any(english in line for english in FIXED_ENGLISH)]


def open_picker(page, field: str):
    """Click the picker's button under the field; the image canvas once OpenSeadragon has opened it."""
    page.locator(f"[name='{field}'] + .region-picker > button").click()
    panel = page.locator(f"[name='{field}'] + .region-picker > .region-picker-panel")
    panel.locator("xpath=self::*[@data-state='ready']").wait_for()
    canvas = panel.locator(".region-picker-canvas")
    canvas.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    return canvas


def on_screen(canvas, x: float, y: float) -> tuple[float, float]:
    """Where the image's pixel (x, y) is on the screen: the picker shows the whole image, centred."""
    box = canvas.bounding_box()
    scale = min(box["width"] / IMAGE[0], box["height"] / IMAGE[1])
    left = box["x"] + (box["width"] - IMAGE[0] * scale) / 2
    top = box["y"] + (box["height"] - IMAGE[1] * scale) / 2
    return left + x * scale, top + y * scale


def assert_rectangle_at(page, canvas, region: tuple[int, int, int, int]) -> None:
    drawn = canvas.locator(".region-picker-rect").bounding_box()
    assert drawn, "no rectangle on the image"
    x, y = on_screen(canvas, region[0], region[1])
    right, bottom = on_screen(canvas, region[0] + region[2], region[1] + region[3])
    for got, wanted in zip(
        [drawn["x"], drawn["y"], drawn["x"] + drawn["width"], drawn["y"] + drawn["height"]],
        [x, y, right, bottom],
        strict=True,
    ):
        assert abs(got - wanted) < 4, (drawn, (x, y, right, bottom))


def watch_requests(page) -> set:
    """The page's requests still under way (the editor autosaves 500 ms after each change)."""
    pending = set()
    page.on("request", lambda request: pending.add(request))
    page.on("requestfinished", lambda request: pending.discard(request))
    page.on("requestfailed", lambda request: pending.discard(request))
    return pending


def save_draft(page, pending: set) -> None:
    """Save once the autosave has finished: the test database (SQLite in memory, shared between threads)
    refuses a second writer at once instead of waiting for it."""
    page.wait_for_timeout(1000)
    for _wait in range(300):
        if not pending:
            break
        page.wait_for_timeout(100)
    with page.expect_navigation():
        page.locator("button.action-save").first.click()
    assert page.locator(".messages .success").count() == 1, page.inner_text(".messages")


def published_note_region(page, site: str, item: ItemPage) -> str:
    """Publish the curator's draft (the editor's approval) and read the note's region on the public page."""
    ItemPage.objects.get(pk=item.pk).get_latest_revision().publish()
    page.goto(f"{site}/item/{item.inventory_number}/")
    link = page.locator(".detail-notes a[href*='/detail/1/']")
    thumbnail = page.locator(".detail-notes img")
    thumbnail.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=thumbnail.element_handle())
    return re.search(r"/detail/1/([0-9,]+)/$", link.get_attribute("href")).group(1)


def test_a_curator_draws_a_detail_on_the_image(page, site, catalogue, curator):
    page.set_viewport_size(DESKTOP)
    pending = watch_requests(page)
    item = catalogue["items"][0]
    log_in_with_the_form(page, site, "kuratore")
    page.goto(f"{site}/admin/pages/{item.pk}/edit/")
    assert fixed_english_on(page) == []
    page.click("#id_detail_notes-ADD")
    canvas = open_picker(page, "detail_notes-0-region")
    assert fixed_english_on(page) == []

    start, end = on_screen(canvas, 400, 300), on_screen(canvas, 1200, 900)
    page.mouse.move(*start)
    page.mouse.down()
    page.mouse.move(*end, steps=8)
    page.mouse.up()
    region = [int(part) for part in page.input_value("[name='detail_notes-0-region']").split(",")]
    for got, wanted in zip(region, [400, 300, 800, 600], strict=True):
        assert abs(got - wanted) <= 12, region
    assert_rectangle_at(page, canvas, region)
    page.fill("[name='detail_notes-0-note']", "Meistro signatūra kampe")
    save_draft(page, pending)
    assert fixed_english_on(page) == []

    assert published_note_region(page, site, item) == ",".join(map(str, region))


def test_a_curator_types_the_region_on_a_phone(page, site, catalogue, curator):
    page.set_viewport_size(PHONE)
    pending = watch_requests(page)
    item = catalogue["items"][0]
    log_in_with_the_form(page, site, "kuratore")
    page.goto(f"{site}/admin/pages/{item.pk}/edit/")
    page.click("#id_detail_notes-ADD")
    page.fill("[name='detail_notes-0-region']", "100,100,200,150")
    canvas = open_picker(page, "detail_notes-0-region")
    assert_rectangle_at(page, canvas, (100, 100, 200, 150))
    page.fill("[name='detail_notes-0-region']", "800,400,640,480")  # typing moves the rectangle
    assert_rectangle_at(page, canvas, (800, 400, 640, 480))
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert fixed_english_on(page) == []
    page.fill("[name='detail_notes-0-note']", "Švino juostos")
    save_draft(page, pending)

    assert published_note_region(page, site, item) == "800,400,640,480"


def test_the_exhibition_highlight_has_the_picker(page, site, catalogue, curator):
    item = catalogue["items"][1]
    body = [
        {
            "type": "highlight",
            "value": {"item": item.pk, "image_number": 1, "region": "10,20,300,200", "caption": "<p>Uostas</p>"},
        }
    ]
    exhibition = catalogue["home"].add_child(
        instance=ExhibitionPage(title="Uostas", slug="uostas", body=json.dumps(body))
    )
    page.set_viewport_size(PHONE)
    log_in_with_the_form(page, site, "kuratore")
    page.goto(f"{site}/admin/pages/{exhibition.pk}/edit/")
    field = page.locator("input[data-region-picker='item']").get_attribute("name")
    canvas = open_picker(page, field)
    assert_rectangle_at(page, canvas, (10, 20, 300, 200))
    assert fixed_english_on(page) == []


def test_locks_and_workflow_read_lithuanian(page, site, catalogue, curator):
    """The editor's lock and the workflow, as the curator and the editor see them in the item's editor."""
    editor = make_member("redaktorius", "Editors", PASSWORD)
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "lt"
    profile.save()
    item = ItemPage.objects.get(pk=catalogue["items"][1].pk)
    item.save_revision(user=curator)
    item.get_workflow().start(item, curator)
    page.set_viewport_size(DESKTOP)
    for username in ("redaktorius", "kuratore"):
        log_in_with_the_form(page, site, username)
        page.goto(f"{site}/admin/pages/{item.pk}/edit/")
        page.locator("[data-side-panel-toggle='status']").first.click()
        actions = page.locator("footer [data-w-dropdown-target='toggle']")
        if username == "redaktorius":  # the workflow's actions; the curator has none once the page is locked
            actions.last.click()
        assert fixed_english_on(page) == [], username
        if username == "redaktorius":
            with page.expect_navigation():
                page.click("[data-side-panel='status'] label:has(input[data-w-action-url-value$='/lock/'])")
            page.locator("[data-side-panel-toggle='status']").first.click()
            assert ItemPage.objects.get(pk=item.pk).locked
            assert fixed_english_on(page) == [], username
