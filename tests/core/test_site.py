import pytest
from wagtail.models import Locale

from tests.factories import make_item


@pytest.mark.django_db
def test_healthz_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["checks"]["database"] == "ok"
    assert response.json()["checks"]["storage"] == "ok"
    assert response.json()["checks"]["search"] == "ok"


@pytest.mark.django_db
def test_healthz_reports_search_down_but_keeps_the_node_in_service(client, settings):
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens on the discard port
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["search"] == "unavailable"


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_is_down(client, monkeypatch):
    from archive.core import health

    monkeypatch.setattr(health, "database_state", lambda: "error: OperationalError")
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"


@pytest.mark.django_db
def test_permanent_link_redirects_to_the_item_page(client, collection):
    item = make_item(collection, inventory_number="KVB-VIT-007")
    response = client.get("/item/KVB-VIT-007/")
    assert response.status_code == 302
    assert response["Location"] == item.url


@pytest.mark.django_db
def test_permanent_link_follows_the_visitors_language(client, collection):
    item = make_item(collection, inventory_number="KVB-VIT-008")
    english = item.copy_for_translation(Locale.objects.get_or_create(language_code="en")[0], copy_parents=True)
    english.save_revision().publish()
    response = client.get("/en/item/KVB-VIT-008/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/")


@pytest.mark.django_db
def test_unknown_inventory_number_is_404(client, home):
    assert client.get("/item/NO-SUCH-1/").status_code == 404


@pytest.mark.django_db
def test_sitemap_lists_published_pages_in_both_languages_and_no_drafts(client, collection):
    published = make_item(collection, inventory_number="KVB-VIT-010", title="Matomas")
    draft = make_item(collection, inventory_number="KVB-VIT-011", title="Juodraštis", live=False)
    english = published.copy_for_translation(Locale.objects.get_or_create(language_code="en")[0], copy_parents=True)
    english.save_revision().publish()
    xml = client.get("/sitemap.xml").content.decode()
    assert published.full_url in xml
    assert english.full_url in xml
    assert f"/{draft.slug}/" not in xml


@pytest.mark.django_db
def test_pages_have_skip_link_main_landmark_and_language_switcher(client, collection):
    item = make_item(collection)
    html = client.get(item.url).content.decode()
    assert 'href="#main"' in html and 'id="main"' in html
    assert '<html lang="lt">' in html
    assert 'hreflang="en"' in html


@pytest.mark.django_db
def test_interface_speaks_lithuanian_by_default_and_english_under_en(client, collection):
    item = make_item(collection, inventory_number="KVB-VIT-020")
    english = item.copy_for_translation(Locale.objects.get_or_create(language_code="en")[0], copy_parents=True)
    english.save_revision().publish()
    lithuanian_html = client.get(item.url).content.decode()
    english_html = client.get(english.url).content.decode()
    assert "Pereiti prie turinio" in lithuanian_html and "Inventorinis numeris" in lithuanian_html
    assert "Skip to content" in english_html and "Inventory number" in english_html


@pytest.mark.django_db
def test_permanent_link_takes_the_inventory_number_in_any_case(client, collection):
    item = make_item(collection, inventory_number="KVB-VIT-009")
    assert client.get("/item/kvb-vit-009/")["Location"] == item.url
    assert client.get("/item/Kvb-Vit-009/")["Location"] == item.url
    assert client.get("/item/kvb-vit-999/").status_code == 404
