"""Curators and editors at work in a real browser, each logging in through the login form: a curator
uploads through Wagtail's multiple uploader and submits an edit; an editor approves it; the public sees
the change only then."""

import hashlib

import pytest

from archive.catalogue.models import ItemPage
from media.models import DigitizedImage, PyramidStatus
from tests.factories import jpeg_bytes, make_member

from .roles import PASSWORD, ensure_roles, log_in_with_the_form

pytestmark = [pytest.mark.service, pytest.mark.slow, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def staff(catalogue):
    ensure_roles()
    return {
        "curator": make_member("kuratore", "Curators", PASSWORD),
        "editor": make_member("redaktorius", "Editors", PASSWORD),
    }


def test_a_curator_uploads_and_submits_an_edit_and_it_goes_live_only_when_an_editor_approves(
    page, catalogue, site, staff, tmp_path
):
    """One journey in one test: a transactional test's flush at the end must not race the next one's
    requests, and the groups the migrations made are restored once, at its start."""
    curator_uploads_through_the_multiple_uploader(page, site, tmp_path)
    curators_edit_goes_live_only_when_an_editor_approves(page, site, catalogue["items"][1])


def curator_uploads_through_the_multiple_uploader(page, site: str, tmp_path) -> None:
    source = tmp_path / "langas.jpg"
    source.write_bytes(jpeg_bytes(320, 240))
    log_in_with_the_form(page, site, "kuratore")
    page.goto(f"{site}/admin/images/multiple/add/")
    page.set_input_files("#fileupload", str(source))
    form = page.locator("form.image-edit-form, #upload-list form").first
    form.wait_for()
    form.locator("input[name$='-iiif_identifier']").fill("langas-kelimas")
    form.locator("button[type=submit], input[type=submit]").first.click()
    page.wait_for_function("() => document.querySelector('#upload-list .upload-success, #upload-list .success')")
    page.wait_for_load_state("networkidle")  # the list's thumbnail is being made: SQLite locks the table
    image = DigitizedImage.objects.get(iiif_identifier="langas-kelimas")
    assert image.checksum == hashlib.sha256(source.read_bytes()).hexdigest()
    assert image.pyramid_status == PyramidStatus.READY


def curators_edit_goes_live_only_when_an_editor_approves(page, site: str, item) -> None:
    public_title = item.title
    log_in_with_the_form(page, site, "kuratore")
    page.goto(f"{site}/admin/pages/{item.pk}/edit/")
    page.fill("#id_title", "Uosto vaizdas (patikslinta)")
    page.locator("[data-w-dropdown-target='toggle']").last.click()
    page.locator("button[name='action-submit']").click()
    page.wait_for_load_state("networkidle")
    assert ItemPage.objects.get(pk=item.pk).workflow_in_progress
    assert public_title in page.context.request.get(f"{site}{item.url}").text()

    log_in_with_the_form(page, site, "redaktorius")
    page.goto(f"{site}/admin/pages/{item.pk}/edit/")
    page.locator("[data-w-dropdown-target='toggle']").last.click()
    page.locator("button[data-workflow-action-name='approve']").first.click()
    page.wait_for_load_state("networkidle")
    item = ItemPage.objects.get(pk=item.pk)
    assert item.title == "Uosto vaizdas (patikslinta)" and not item.workflow_in_progress
    page.context.clear_cookies()
    assert "Uosto vaizdas (patikslinta)" in page.context.request.get(f"{site}{item.url}").text()
