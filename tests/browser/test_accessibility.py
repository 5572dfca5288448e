"""axe-core on the public pages: no WCAG 2.2 A/AA violations."""

from functools import partial

import pytest

from .helpers import AXE_SCRIPT, RUN_AXE, WCAG_TAGS, wait_for_viewer
from .mirador import wait_for_workspace

pytestmark = [pytest.mark.service, pytest.mark.slow, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def violations(page, url: str, ready=None) -> list:
    """axe's findings on the page at `url`, once `ready(page)` says its viewers have drawn."""
    page.goto(url)
    if ready:
        ready(page)
    # Through the DevTools protocol, which the page's Content-Security-Policy does not govern (a script
    # tag added to the page would be refused like any other inline script).
    page.evaluate(AXE_SCRIPT.read_text())
    return page.evaluate(RUN_AXE, WCAG_TAGS)


def test_public_pages_have_no_wcag_violations(page, catalogue, site):
    item = catalogue["items"][0]
    viewer = partial(wait_for_viewer, inventory="BR-1")
    pages = {
        "home": (site + "/", None),
        "collection": (site + catalogue["collection"].url, None),
        "item": (site + item.url, viewer),
        "embed": (f"{site}/embed/item/BR-1/", viewer),
        "search": (f"{site}/search/?q=Turgaus", None),
        "compare": (f"{site}/compare/?items=BR-1,BR-2", partial(wait_for_workspace, windows=2)),
    }
    found = {name: violations(page, url, ready) for name, (url, ready) in pages.items()}
    assert found == {name: [] for name in pages}
