"""HTTP behaviour of the IIIF endpoints: headers, negotiation, conditional requests, caching, errors."""

import pytest
import pyvips

from media.iiif import cache

pytestmark = pytest.mark.django_db
TILE = "/iiif/3/grid/0,0,256,256/256,/0/default.jpg"


def test_info_json_describes_pyramid_and_features(client, public_image):
    info = client.get("/iiif/3/grid/info.json").json()
    assert info["id"] == "http://testserver/iiif/3/grid" and info["type"] == "ImageService3"
    assert info["tiles"] == [{"width": 256, "height": 256, "scaleFactors": [1, 2, 4]}]
    assert {"width": 250, "height": 250} in info["sizes"]
    assert info["extraQualities"] == ["gray", "bitonal"]
    features = {"regionByPct", "sizeUpscaling", "baseUriRedirect", "canonicalLinkHeader"}
    assert features <= set(info["extraFeatures"])
    assert {"maxWidth", "maxHeight", "maxArea"} <= info.keys()


def test_info_json_negotiates_json_ld_and_varies_on_accept(client, public_image):
    plain = client.get("/iiif/3/grid/info.json")
    linked = client.get("/iiif/3/grid/info.json", HTTP_ACCEPT="application/ld+json")
    assert plain["Content-Type"] == "application/json"
    assert linked["Content-Type"].startswith("application/ld+json")
    assert "Accept" in plain["Vary"] and plain["ETag"] != linked["ETag"]
    assert "Cookie" not in plain.get("Vary", "")


def test_version_2_info_json(client, public_image):
    info = client.get("/iiif/2/grid/info.json").json()
    assert info["@id"] == "http://testserver/iiif/2/grid"
    assert info["profile"][0] == "http://iiif.io/api/image/2/level2.json"


def test_base_uri_redirects_to_info_json(client, public_image):
    response = client.get("/iiif/3/grid")
    assert response.status_code == 303
    assert response["Location"] == "http://testserver/iiif/3/grid/info.json"


def test_image_response_headers(client, public_image):
    response = client.get("/iiif/3/grid/full/250,/0/default.jpg")
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cache-Control"].startswith("public, max-age=")
    assert '<http://iiif.io/api/image/3/level2.json>;rel="profile"' in response["Link"]
    assert '<http://testserver/iiif/3/grid/full/250,250/0/default.jpg>;rel="canonical"' in response["Link"]
    assert response["ETag"] and response["Last-Modified"]


def test_conditional_request_answers_304_without_body(client, public_image):
    first = client.get(TILE)
    again = client.get(TILE, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    since = client.get(TILE, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304


def test_head_has_headers_and_no_body(client, public_image):
    response = client.head(TILE)
    assert response.status_code == 200 and response.content == b""
    assert int(response["Content-Length"]) > 0


def test_cors_preflight(client, public_image):
    response = client.options(
        TILE,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="range",
        HTTP_ORIGIN="https://viewer.example",
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]
    assert response["Access-Control-Allow-Headers"] == "range"


def test_cache_hit_does_no_image_work(client, public_image, monkeypatch):
    first = client.get(TILE)

    def no_rendering(*args, **kwargs):
        raise AssertionError("rendered on a cache hit")

    monkeypatch.setattr("media.iiif.views.render", no_rendering)
    second = client.get(TILE)
    assert second.content == first.content


def test_equivalent_urls_share_one_cache_entry(client, public_image, iiif_folders):
    client.get("/iiif/3/grid/full/500,/0/default.jpg")
    client.get("/iiif/3/grid/full/pct:50/0/default.jpg")
    assert len([p for p in (iiif_folders / "cache").glob("*/*") if p.is_file()]) == 1


def test_cache_is_pruned_to_its_bound(settings, iiif_folders):
    settings.IIIF_CACHE_MAX_BYTES = 10_000
    for number in range(30):
        cache.put(cache.cache_key(str(number)), b"x" * 1000)
    total = sum(p.stat().st_size for p in (iiif_folders / "cache").rglob("*") if p.is_file())
    assert total <= 10_000


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/iiif/3/grid/2000,0,10,10/max/0/default.jpg", 400),
        ("/iiif/3/grid/full/0,/0/default.jpg", 400),
        ("/iiif/3/grid/full/2000,/0/default.jpg", 400),
        ("/iiif/3/grid/full/max/400/default.jpg", 400),
        ("/iiif/3/grid/full/max/0/sepia.jpg", 400),
        ("/iiif/3/grid/full/max/0/default.bmp", 400),
        ("/iiif/3/grid/full/^20000,/0/default.jpg", 400),
        ("/iiif/3/../etc/passwd/full/max/0/default.jpg", 400),
        ("/iiif/3/..%2Fsecret/full/max/0/default.jpg", 400),
        ("/iiif/3/grid%2Fother/full/max/0/default.jpg", 404),
        ("/iiif/3/missing/info.json", 404),
    ],
)
def test_bad_requests_get_short_plain_text_reasons(client, public_image, url, status):
    response = client.get(url)
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/plain") and 0 < len(response.content) < 200


def test_pending_pyramid_answers_503(client, public_image):
    type(public_image).objects.filter(pk=public_image.pk).update(pyramid_status="pending")
    assert client.get(TILE).status_code == 503


def test_post_is_not_allowed(client, public_image):
    assert client.post(TILE).status_code == 405


def test_a_rotation_whose_turned_output_exceeds_max_area_is_refused(client, public_image, settings):
    settings.IIIF_MAX_AREA = 1_200_000
    assert client.get("/iiif/3/grid/full/1000,/0/default.jpg").status_code == 200
    refused = client.get("/iiif/3/grid/full/1000,/45/default.jpg")
    assert refused.status_code == 400 and refused["Content-Type"].startswith("text/plain")
    assert b"maxArea 1200000" in refused.content and b"ask for at most" in refused.content
    turned = client.get("/iiif/3/grid/full/max/45/default.jpg")
    image = pyvips.Image.new_from_buffer(turned.content, "")
    assert turned.status_code == 200 and image.width * image.height <= 1_200_000


def test_info_json_limits_are_the_ones_enforced_on_the_output(client, public_image, settings):
    settings.IIIF_MAX_AREA = 1_500_000
    info = client.get("/iiif/3/grid/info.json").json()
    assert info["maxArea"] == 1_500_000
    for rotation in ("0", "45", "!30"):
        response = client.get(f"/iiif/3/grid/full/^max/{rotation}/default.jpg")
        image = pyvips.Image.new_from_buffer(response.content, "")
        assert info["maxArea"] * 0.98 < image.width * image.height <= info["maxArea"]


def test_pruning_removes_what_a_killed_process_left_half_written(settings, iiif_folders):
    import os
    import time

    cache.put(cache.cache_key("kept"), b"x")
    folder = next((iiif_folders / "cache").iterdir())
    abandoned, fresh = folder / ".abc.dead", folder / ".abc.writing"
    abandoned.write_bytes(b"y" * 100)
    fresh.write_bytes(b"z")
    old = time.time() - cache.PARTIAL_MAX_AGE_SECONDS - 60
    os.utime(abandoned, (old, old))
    cache.prune(settings.IIIF_CACHE_MAX_BYTES)
    assert not abandoned.exists() and fresh.exists()
    assert cache.get(cache.cache_key("kept")) == b"x"
