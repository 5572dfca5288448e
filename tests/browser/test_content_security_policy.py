"""The admin works under its Content-Security-Policy: the page fixture fails any test whose pages had
something refused by the policy, so the public journeys (viewers, Mirador, embeds, maps) are covered by the
other browser tests; this one walks through the editor's pages."""

import pytest

from .helpers import log_in

pytestmark = [pytest.mark.service, pytest.mark.slow, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_an_editor_edits_an_item_and_its_image_under_the_policy(page, catalogue, site):
    log_in(page, site)
    item = catalogue["items"][0]
    page.goto(f"{site}/admin/pages/{item.pk}/edit/")
    page.wait_for_selector("[data-side-panel-toggle]")
    # The admin's scripts ran: the comments/status side panel opens from its toggle.
    page.locator("[data-side-panel-toggle='status']").first.click()
    page.wait_for_selector("[data-side-panel='status']:not([hidden])")
    image = item.images.first().image
    page.goto(f"{site}/admin/images/{image.pk}/")
    page.wait_for_selector("form[action*='/admin/images/']")
    assert page.locator("img").evaluate_all("images => images.every(image => image.naturalWidth > 0)")
