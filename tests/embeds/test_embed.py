import pytest

from archive.embeds.deeplinks import encode_content_state
from tests.embeds.builders import viewer_config


def content_state(settings, inventory: str, fragment: str) -> str:
    base = settings.PUBLIC_BASE_URL
    return encode_content_state(
        {
            "type": "Annotation",
            "motivation": ["contentState"],
            "target": {
                "id": f"{base}/iiif/manifest/{inventory}/canvas/2{fragment}",
                "type": "Canvas",
                "partOf": [{"id": f"{base}/iiif/manifest/{inventory}", "type": "Manifest"}],
            },
        }
    )


@pytest.fixture
def embed(client, item):
    return client.get(f"/embed/item/{item.inventory_number}/")


def test_embed_page_may_be_framed_by_any_site(embed):
    assert embed.status_code == 200
    assert "frame-ancestors *" in embed["Content-Security-Policy"].split("; ")
    assert "X-Frame-Options" not in embed


def test_embed_page_sets_no_cookie(embed):
    assert "Set-Cookie" not in embed
    assert not embed.cookies


def test_other_pages_keep_the_frame_protection(client, item):
    response = client.get(item.url)
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "DENY"


def test_embed_page_shows_title_credit_rights_and_link_back(embed, item):
    html = embed.content.decode()
    assert item.title in html
    assert item.credit_line in html
    assert f'href="{item.rights}" rel="license"' in html
    assert item.get_full_url() in html
    assert "<header" not in html and "site-search" not in html


def test_embed_page_gives_the_viewer_every_image_through_iiif(embed, item, scans, settings):
    config = viewer_config(embed, item.inventory_number)
    assert [image["info"] for image in config["images"]] == [
        f"{settings.IIIF_BASE_URL}/3/{scan.iiif_identifier}/info.json" for scan in scans
    ]
    assert config["region"] is None and config["initialPage"] == 0


def test_embed_page_has_a_plain_image_without_javascript(embed, scans):
    assert f"/3/{scans[0].iiif_identifier}/full/800,/0/default.jpg" in embed.content.decode()


def test_xywh_opens_the_viewer_on_that_region(client, item):
    response = client.get(f"/embed/item/{item.inventory_number}/?xywh=10,20,300,200")
    assert viewer_config(response, item.inventory_number)["region"] == [10, 20, 300, 200]


@pytest.mark.parametrize("query", ["xywh=1,2,3", "xywh=a,b,c,d", "canvas=3", "canvas=x", "iiif-content=%%%"])
def test_bad_deep_links_are_refused(client, item, query):
    response = client.get(f"/embed/item/{item.inventory_number}/?{query}")
    assert response.status_code == 400
    assert "frame-ancestors *" in response["Content-Security-Policy"].split("; ")


def test_content_state_picks_canvas_and_region(client, item, settings):
    state = content_state(settings, item.inventory_number, "#xywh=5,6,70,80")
    config = viewer_config(
        client.get(f"/embed/item/{item.inventory_number}/?iiif-content={state}"), item.inventory_number
    )
    assert config["initialPage"] == 1 and config["region"] == [5, 6, 70, 80]


def test_content_state_of_another_item_is_refused(client, item, other_item, settings):
    state = content_state(settings, other_item.inventory_number, "")
    assert client.get(f"/embed/item/{item.inventory_number}/?iiif-content={state}").status_code == 400


def test_embed_without_item_follows_the_content_state(client, item, settings):
    state = content_state(settings, item.inventory_number, "#xywh=1,2,3,4")
    response = client.get(f"/embed/?iiif-content={state}")
    assert response.status_code == 200
    assert viewer_config(response, item.inventory_number)["region"] == [1, 2, 3, 4]


def test_embed_without_content_state_is_refused(client, db):
    assert client.get("/embed/").status_code == 400


def test_unknown_item_has_no_embed(client, db):
    assert client.get("/embed/item/NO-SUCH/").status_code == 404


def test_unpublished_item_has_no_embed(client, draft, settings):
    assert client.get(f"/embed/item/{draft.inventory_number}/").status_code == 404
    state = content_state(settings, draft.inventory_number, "")
    response = client.get(f"/embed/?iiif-content={state}")
    assert response.status_code == 404
    assert draft.title not in response.content.decode()
