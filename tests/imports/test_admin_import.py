import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.html import escape

from archive.catalogue.models import ItemPage
from archive.imports.models import ImportJob
from tests.imports.admin_uploads import BAD, GOOD, upload
from tests.imports.sheets import database_state


@pytest.mark.django_db
def test_preview_lists_every_row_and_saves_nothing(curator):
    response = upload(curator, BAD)
    html = response.content.decode()
    assert response.status_code == 200
    assert "N-001" in html and "create" in html
    assert "title_lt, title_en" in html
    with translation.override("lt"):  # the admin speaks the site's default language
        expected = translation.gettext("no collection '%(key)s'") % {"key": "nera"}
    assert expected == "nėra kolekcijos „nera“"
    assert escape(expected) in html
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
    assert status["summary"] == {"created": 1, "updated": 1, "unchanged": 0, "submitted": 4}
    changed = ItemPage.objects.get(inventory_number="T-001", locale__language_code="lt")
    assert changed.title == "Vitražas T-001"  # live until approved
    assert changed.get_latest_revision_as_object().title == "Pakeistas"
    page = curator.get(f"/admin/import-items/{job.pk}/").content.decode()
    assert "<progress" in page
    with translation.override("lt"):
        assert translation.gettext("The items were saved as drafts and submitted for approval.") in page


@pytest.mark.django_db
def test_file_with_errors_is_not_imported_without_choosing_valid_rows(curator):
    upload(curator, BAD)
    job = ImportJob.objects.get()
    curator.post(f"/admin/import-items/{job.pk}/confirm/")
    job.refresh_from_db()
    assert job.status == "failed"
    with translation.override("lt"):
        assert job.error == translation.gettext(
            "rows have errors now that were not there at the preview; check the file again"
        )
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


@pytest.mark.django_db
def test_publish_at_once_is_offered_to_editors_only_and_refused_to_curators(client, catalogue, people):
    client.force_login(people["curator"])
    assert 'name="publish"' not in upload(client, GOOD).content.decode()
    job = ImportJob.objects.get()
    before = database_state()
    client.post(f"/admin/import-items/{job.pk}/confirm/", {"publish": "on"})  # a forged form
    job.refresh_from_db()
    assert job.status == "failed" and "negali skelbti kolekcijoje „vitrazai“" in job.error
    assert database_state() == before

    client.force_login(people["editor"])
    assert 'name="publish"' in upload(client, GOOD).content.decode()
    job = ImportJob.objects.latest("created_at")
    client.post(f"/admin/import-items/{job.pk}/confirm/", {"publish": "on"})
    assert ItemPage.objects.get(inventory_number="T-001", locale__language_code="lt").title == "Pakeistas"
    assert ItemPage.objects.get(inventory_number="T-001", locale__language_code="en").live  # it has an image
    new = ItemPage.objects.get(inventory_number="N-001", locale__language_code="en")
    assert not new.live and new.has_unpublished_changes  # no image yet: a draft, not an empty viewer
    assert ImportJob.objects.get(pk=job.pk).summary["drafts_without_images"] == 1


@pytest.mark.django_db
def test_curators_admin_import_goes_to_the_editors_for_approval(client, catalogue, people):
    client.force_login(people["curator"])
    upload(client, GOOD)
    client.post(f"/admin/import-items/{ImportJob.objects.get().pk}/confirm/")
    created = ItemPage.objects.get(inventory_number="N-001", locale__language_code="lt")
    assert not created.live and created.workflow_in_progress
    assert created.current_workflow_state.requested_by == people["curator"]
    assert created.get_latest_revision().user == people["curator"]


@pytest.mark.django_db
def test_semicolon_file_with_a_chosen_delimiter_and_lithuanian_problems(curator):
    text = "inventory_number;titel_lt\nN-001;Langas, didelis\n"
    response = curator.post(
        "/admin/import-items/",
        {"file": SimpleUploadedFile("items.csv", text.encode(), "text/csv"), "delimiter": "semicolon"},
    )
    html = response.content.decode()
    with translation.override("lt"):
        expected = translation.gettext("'%(name)s' (did you mean '%(column)s'?)") % {
            "name": "titel_lt",
            "column": "title_lt",
        }
    assert expected != "'titel_lt' (did you mean 'title_lt'?)"
    assert escape(expected) in html
