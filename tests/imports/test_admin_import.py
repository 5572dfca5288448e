import pytest
from django.utils import translation

from archive.catalogue.models import ItemPage
from archive.imports.models import ImportJob
from tests.imports.admin_uploads import BAD, GOOD, upload


@pytest.mark.django_db
def test_preview_lists_every_row_and_saves_nothing(curator):
    response = upload(curator, BAD)
    html = response.content.decode()
    assert response.status_code == 200
    assert "N-001" in html and "create" in html
    assert "title_lt, title_en" in html
    assert "no collection &#x27;nera&#x27;" in html or "no collection 'nera'" in html
    assert not ItemPage.objects.filter(inventory_number="N-001").exists()
    assert ImportJob.objects.get().status == "checked"


@pytest.mark.django_db
def test_confirmed_import_runs_and_reports_progress(curator):
    upload(curator, GOOD)
    job = ImportJob.objects.get()
    response = curator.post(f"/admin/import-items/{job.pk}/confirm/")
    assert response.status_code == 302
    status = curator.get(f"/admin/import-items/{job.pk}/status.json").json()
    assert (status["status"], status["done"], status["total"]) == ("done", 2, 2)
    assert status["summary"] == {"created": 1, "updated": 1, "unchanged": 0}
    assert ItemPage.objects.get(inventory_number="T-001", locale__language_code="lt").title == "Pakeistas"
    assert "<progress" in curator.get(f"/admin/import-items/{job.pk}/").content.decode()


@pytest.mark.django_db
def test_file_with_errors_is_not_imported_without_choosing_valid_rows(curator):
    upload(curator, BAD)
    job = ImportJob.objects.get()
    curator.post(f"/admin/import-items/{job.pk}/confirm/")
    job.refresh_from_db()
    assert job.status == "failed"
    assert "errors" in job.error
    assert not ItemPage.objects.filter(inventory_number="N-001").exists()


@pytest.mark.django_db
def test_choosing_valid_rows_imports_them(curator):
    upload(curator, BAD)
    job = ImportJob.objects.get()
    curator.post(f"/admin/import-items/{job.pk}/confirm/", {"valid_only": "on"})
    assert ItemPage.objects.filter(inventory_number="N-001").count() == 2
    assert not ItemPage.objects.filter(inventory_number="N-002").exists()


@pytest.mark.django_db
def test_wrong_file_type_is_a_form_error(curator):
    response = upload(curator, "hello", name="items.pdf")
    with translation.override("lt"):  # the admin speaks the site's default language
        expected = translation.gettext("Only .csv and .xlsx files can be imported.")
    assert expected != "Only .csv and .xlsx files can be imported."
    assert expected in response.content.decode()
    assert not ImportJob.objects.exists()


@pytest.mark.django_db
def test_template_downloads_as_csv(curator):
    response = curator.get("/admin/import-items/template.csv")
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.decode("utf-8-sig").startswith("inventory_number,collection,title_lt")


@pytest.mark.django_db
def test_editors_without_the_permission_are_refused(client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("viewer", "v@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get("/admin/import-items/")
    assert (response.status_code, response["Location"]) == (302, "/admin/")  # Wagtail's permission-denied redirect
    upload(client, GOOD)
    assert not ImportJob.objects.exists()
