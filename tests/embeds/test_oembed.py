from urllib.parse import quote

import pytest


def oembed(client, url: str, **params):
    query = "&".join(f"{key}={value}" for key, value in {"url": quote(url, safe=""), **params}.items())
    return client.get(f"/oembed?{query}")


@pytest.fixture
def page_url(item, settings):
    return settings.PUBLIC_BASE_URL + item.url


def test_item_page_url_gets_a_rich_oembed(client, page_url, item, settings):
    response = oembed(client, page_url, format="json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    document = response.json()
    assert document["version"] == "1.0" and document["type"] == "rich"
    assert document["provider_url"] == settings.PUBLIC_BASE_URL + "/"
    assert document["provider_name"] and document["title"] == item.title
    assert (document["width"], document["height"]) == (640, 480)


def test_oembed_html_is_the_embed_iframe(client, page_url, settings):
    html = oembed(client, page_url).json()["html"]
    assert html.startswith("<iframe ")
    assert f'src="{settings.PUBLIC_BASE_URL}/embed/item/KVB-V-1/"' in html
    assert 'width="640" height="480"' in html and 'title="Vitražas su laivu"' in html


def test_oembed_thumbnail_comes_from_the_iiif_service(client, page_url, scans, settings):
    document = oembed(client, page_url).json()
    assert document["thumbnail_url"] == f"{settings.IIIF_BASE_URL}/3/{scans[0].iiif_identifier}/full/400,/0/default.jpg"
    assert (document["thumbnail_width"], document["thumbnail_height"]) == (400, 300)


def test_oembed_respects_maxwidth(client, page_url):
    document = oembed(client, page_url, maxwidth=320).json()
    assert (document["width"], document["height"]) == (320, 240)
    assert 'width="320" height="240"' in document["html"]


def test_permanent_link_is_an_item_url_too(client, item, settings):
    response = oembed(client, f"{settings.PUBLIC_BASE_URL}/item/{item.inventory_number}/")
    assert response.json()["title"] == item.title


def test_the_request_host_counts_as_ours(client, item):
    assert oembed(client, f"http://testserver{item.url}").status_code == 200


def test_xml_is_not_implemented(client, page_url):
    assert oembed(client, page_url, format="xml").status_code == 501


def test_missing_url_is_a_bad_request(client, db):
    assert client.get("/oembed?format=json").status_code == 400


@pytest.mark.parametrize(
    "url", ["https://example.org/vitrazai/item-1/", "javascript:alert(1)", "ftp://127.0.0.1:8000/"]
)
def test_foreign_url_is_a_bad_request(client, item, url):
    assert oembed(client, url).status_code == 400


def test_bad_maxwidth_is_a_bad_request(client, page_url):
    assert oembed(client, page_url, maxwidth="wide").status_code == 400


@pytest.mark.parametrize("path", ["/no/such/page/", "/", "/vitrazai/", "/search/"])
def test_pages_that_are_not_items_are_not_found(client, item, settings, path):
    assert oembed(client, settings.PUBLIC_BASE_URL + path).status_code == 404


def test_unpublished_item_is_not_found(client, draft, settings):
    for url in (
        settings.PUBLIC_BASE_URL + "/vitrazai/" + draft.slug + "/",
        f"{settings.PUBLIC_BASE_URL}/item/{draft.inventory_number}/",
    ):
        response = oembed(client, url)
        assert response.status_code == 404
        assert draft.title not in response.content.decode()
