"""The admin's bulk image upload in a real browser: progress, results, and the unmatched files."""

import pytest

from archive.catalogue.models import ItemPage
from tests.factories import jpeg_bytes

from .helpers import log_in

pytestmark = [pytest.mark.service, pytest.mark.slow, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_bulk_upload_shows_progress_and_reports_unmatched_files(page, catalogue, site, tmp_path):
    log_in(page, site)
    files = []
    for name in ("BR-1-3.jpg", "BR-2-2.jpg", "UNKNOWN-1.jpg"):
        path = tmp_path / name
        path.write_bytes(jpeg_bytes(300, 200))
        files.append(str(path))
    page.goto(f"{site}/admin/import-items/images/")
    page.set_input_files("#bulk-images-files", files)
    page.click("#bulk-images-form button[type=submit]")
    # A function, not an expression: the admin's Content-Security-Policy refuses the eval an expression needs.
    page.wait_for_function("() => document.querySelector('#bulk-images-bar').value === 3")
    assert page.locator("#bulk-images-progress").is_visible()
    assert page.locator("#bulk-images-report tbody tr").count() == 3
    assert page.locator("#bulk-images-report tr.bulk-attached").count() == 2
    assert "UNKNOWN-1.jpg" in page.locator("#bulk-images-unmatched").inner_text()
    draft = ItemPage.objects.get(inventory_number="BR-2").get_latest_revision_as_object()
    assert draft.images.count() == 2
