"""axe-core on the public pages: no WCAG 2.2 A/AA violations."""

import pytest

from .conftest import AXE_SCRIPT
from .helpers import wait_for_viewer

pytestmark = [pytest.mark.service, pytest.mark.slow, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
RUN_AXE = """tags => axe.run(document, {runOnly: {type: "tag", values: tags}}).then(result =>
  result.violations.map(v => ({
    rule: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ")),
  })))"""


def violations(page, url: str, viewer: str = "") -> list:
    page.goto(url)
    if viewer:
        wait_for_viewer(page, viewer)
    page.add_script_tag(path=str(AXE_SCRIPT))
    return page.evaluate(RUN_AXE, WCAG_TAGS)


def test_public_pages_have_no_wcag_violations(page, catalogue, site):
    item = catalogue["items"][0]
    pages = {
        "home": (site + "/", ""),
        "collection": (site + catalogue["collection"].url, ""),
        "item": (site + item.url, "BR-1"),
        "embed": (f"{site}/embed/item/BR-1/", "BR-1"),
        "search": (f"{site}/search/?q=Turgaus", ""),
        "compare": (f"{site}/compare/?items=BR-1,BR-2", "BR-2"),
    }
    found = {name: violations(page, url, viewer) for name, (url, viewer) in pages.items()}
    assert found == {name: [] for name in pages}
