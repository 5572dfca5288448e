"""Error pages say what went wrong and where to go next, in the visitor's language."""

import pytest
from django.db import OperationalError
from django.template.loader import render_to_string


@pytest.mark.django_db
def test_a_missing_page_is_a_404_in_lithuanian_with_ways_on(client, home):
    response = client.get("/nera-tokio-puslapio/")
    assert response.status_code == 404
    page = response.content.decode()
    assert '<html lang="lt">' in page
    assert "Puslapis nerastas" in page and "/nera-tokio-puslapio/" in page
    assert 'href="/search/"' in page


@pytest.mark.django_db
def test_a_missing_page_under_en_is_in_english(client, home):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.django_db
def test_a_missing_item_says_which_inventory_number_has_no_published_item_in_one_language(client, home):
    response = client.get("/item/KVB-NERA-1/")
    assert response.status_code == 404
    assert "Nėra paskelbto objekto su inventoriaus numeriu KVB-NERA-1." in response.content.decode()
    english = client.get("/en/item/KVB-NERA-1/")
    assert "No published item has the inventory number KVB-NERA-1." in english.content.decode()


def test_the_server_error_page_stands_alone_in_both_languages():
    page = render_to_string("500.html")
    assert "Serverio klaida" in page and "Server error" in page
    assert "{%" not in page and "{{" not in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    "failure, status", [(OperationalError("the server closed the connection"), 503), (RuntimeError("a bug"), 500)]
)
def test_a_database_outage_is_a_503_to_retry_and_a_bug_a_500(client, home, monkeypatch, failure, status):
    def fail(*args, **kwargs):
        raise failure

    monkeypatch.setattr("archive.catalogue.models.ItemPage.objects.live", fail)
    client.raise_request_exception = False
    response = client.get("/item/KVB-1/")
    page = response.content.decode()
    assert response.status_code == status
    if status == 503:
        assert response["Retry-After"] == "30"
        assert "laikinai neveikia" in page and "Temporarily unavailable" in page
    else:
        assert "Serverio klaida" in page
