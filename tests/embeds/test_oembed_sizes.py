"""oEmbed 1.0 (2.2): the provider respects the consumer's maxwidth and maxheight, for the html's frame and
for the thumbnail alike."""

from urllib.parse import quote

import pytest


def oembed(client, url: str, **params):
    query = "&".join(f"{key}={value}" for key, value in {"url": quote(url, safe=""), **params}.items())
    return client.get(f"/oembed?{query}")


@pytest.mark.parametrize(
    ("bounds", "frame", "thumbnail"),
    [
        ({"maxheight": 150}, (200, 150), (200, 150)),
        ({"maxwidth": 300, "maxheight": 120}, (160, 120), (160, 120)),
        ({"maxwidth": 500}, (500, 375), (400, 300)),
        ({"maxwidth": 2000, "maxheight": 2000}, (640, 480), (400, 300)),
    ],
)
def test_frame_and_thumbnail_fit_the_bounds(client, item, scans, settings, bounds, frame, thumbnail):
    document = oembed(client, settings.PUBLIC_BASE_URL + item.url, **bounds).json()
    assert (document["width"], document["height"]) == frame
    assert f'width="{frame[0]}" height="{frame[1]}"' in document["html"]
    assert (document["thumbnail_width"], document["thumbnail_height"]) == thumbnail
    assert document["thumbnail_url"].endswith(f"/full/{thumbnail[0]},/0/default.jpg")
    assert document["thumbnail_width"] <= bounds.get("maxwidth", 640)
    assert document["thumbnail_height"] <= bounds.get("maxheight", 480)


def test_bounds_too_small_for_any_viewer_are_a_bad_request(client, item, settings):
    response = oembed(client, settings.PUBLIC_BASE_URL + item.url, maxheight=40)
    assert response.status_code == 400
    assert "at least 100" in response.content.decode()
