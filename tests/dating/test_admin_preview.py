import pytest


@pytest.fixture
def editor_client(client, django_user_model):
    editor = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(editor)
    return client


@pytest.mark.django_db
def test_preview_reads_the_years(editor_client):
    result = editor_client.get("/admin/dating/preview/", {"text": "XIX a. pab."}).json()
    assert (result["ok"], result["earliest"], result["latest"]) == (True, 1867, 1899)


@pytest.mark.django_db
def test_preview_explains_unknown_text(editor_client):
    result = editor_client.get("/admin/dating/preview/", {"text": "kažkada"}).json()
    assert result["ok"] is False
    assert "not a date phrase" in result["message"]


@pytest.mark.django_db
def test_preview_is_for_editors_only(client):
    response = client.get("/admin/dating/preview/", {"text": "1936"})
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_item_editor_loads_the_preview_script(editor_client, collection):
    html = editor_client.get(f"/admin/pages/add/catalogue/itempage/{collection.pk}/").content.decode()
    assert "dating/date-preview.js" in html
    assert 'data-preview-url="/admin/dating/preview/"' in html


@pytest.mark.django_db
def test_preview_shows_days_and_the_edtf(editor_client):
    result = editor_client.get("/admin/dating/preview/", {"text": "3–10 May 1935"}).json()
    assert (result["earliest"], result["latest"], result["edtf"]) == (1935, 1935, "1935-05-03/1935-05-10")
    assert result["message"] == "Dienos 1935-05-03–1935-05-10 (EDTF 1935-05-03/1935-05-10)"  # Lithuanian admin
    assert editor_client.get("/admin/dating/preview/", {"text": "apie 1935 m."}).json()["edtf"] == "1935~"
