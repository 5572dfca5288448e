"""The template's example row (PVZ-001) left in a curator's file is refused with its reason, in the admin's
language; the curator's own rows import as usual."""

import pytest
from django.utils import translation
from django.utils.html import escape

from archive.catalogue.models import ItemPage
from archive.imports.models import ImportJob
from tests.imports.admin_uploads import upload


@pytest.mark.django_db
def test_the_example_row_left_in_the_template_is_refused(curator):
    template = curator.get("/admin/import-items/template.csv").content.decode("utf-8-sig")
    assert "PVZ-001" in template
    header = template.splitlines()[0].split(",")
    own_row = {"inventory_number": "N-010", "collection": "vitrazai", "title_lt": "Mano langas"}
    sheet = template.rstrip("\r\n") + "\r\n" + ",".join(own_row.get(name, "") for name in header) + "\r\n"
    html = upload(curator, sheet).content.decode()
    with translation.override("lt"):
        reason = translation.gettext("this is the template's example row: delete it, then import the file")
    assert reason != "this is the template's example row: delete it, then import the file"
    assert escape(reason) in html
    job = ImportJob.objects.get()
    curator.post(f"/admin/import-items/{job.pk}/confirm/", {"valid_only": "on"})
    assert not ItemPage.objects.filter(inventory_number="PVZ-001").exists()
    assert ItemPage.objects.filter(inventory_number="N-010").exists()
