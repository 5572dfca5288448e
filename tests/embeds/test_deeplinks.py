import pytest

from archive.embeds.deeplinks import (
    DeepLinkError,
    Region,
    View,
    decode_content_state,
    encode_content_state,
    parse_xywh,
    view_from_content_state,
)

BASE = "http://127.0.0.1:8000"


@pytest.fixture(autouse=True)
def public_base(settings):
    settings.PUBLIC_BASE_URL = BASE


def annotation(target) -> dict:
    return {
        "@context": "http://iiif.io/api/presentation/3/context.json",
        "id": "https://example.org/state/1",
        "type": "Annotation",
        "motivation": ["contentState"],
        "target": target,
    }


def canvas_target(fragment: str = "") -> dict:
    return {
        "id": f"{BASE}/iiif/manifest/KVB-V-1/canvas/2{fragment}",
        "type": "Canvas",
        "partOf": [{"id": f"{BASE}/iiif/manifest/KVB-V-1", "type": "Manifest"}],
    }


def test_xywh_is_four_whole_numbers():
    assert parse_xywh("10,20,300,400") == Region(10, 20, 300, 400)


def test_xywh_accepts_the_pixel_prefix_of_media_fragments():
    assert parse_xywh("pixel:1,2,3,4") == Region(1, 2, 3, 4)


@pytest.mark.parametrize("text", ["", "1,2,3", "1,2,3,4,5", "a,b,c,d", "-1,2,3,4", "percent:1,2,3,4", "1,2,0,4"])
def test_malformed_xywh_is_refused(text):
    with pytest.raises(DeepLinkError):
        parse_xywh(text)


def test_content_state_annotation_names_item_canvas_and_region():
    encoded = encode_content_state(annotation(canvas_target("#xywh=100,50,200,150")))
    assert view_from_content_state(encoded) == View("KVB-V-1", 2, Region(100, 50, 200, 150))


def test_content_state_is_base64url_without_padding():
    encoded = encode_content_state(annotation(canvas_target("#xywh=1,2,3,4")))
    assert "=" not in encoded and "+" not in encoded and "/" not in encoded
    assert decode_content_state(encoded)["type"] == "Annotation"


def test_content_state_with_padding_is_also_read():
    encoded = encode_content_state(annotation(canvas_target()))
    padded = encoded + "=" * (-len(encoded) % 4)
    assert view_from_content_state(padded) == View("KVB-V-1", 2, None)


def test_content_state_may_be_the_bare_target():
    assert view_from_content_state(encode_content_state(canvas_target("#xywh=1,2,3,4"))).region == Region(1, 2, 3, 4)


def test_content_state_specific_resource_with_fragment_selector():
    target = {
        "type": "SpecificResource",
        "source": canvas_target(),
        "selector": {"type": "FragmentSelector", "value": "xywh=5,6,7,8"},
    }
    assert view_from_content_state(encode_content_state(annotation(target))) == View("KVB-V-1", 2, Region(5, 6, 7, 8))


def test_content_state_of_a_manifest_opens_its_first_canvas():
    target = {"id": f"{BASE}/iiif/manifest/KVB-V-1", "type": "Manifest"}
    assert view_from_content_state(encode_content_state(annotation(target))) == View("KVB-V-1", 1, None)


@pytest.mark.parametrize(
    "encoded",
    [
        "",
        "not base64!",
        encode_content_state({"a": 1})[:-3] + "@@@",
        "bm90IGpzb24",  # "not json"
        "WzEsMiwzXQ",  # [1,2,3]
        "x" * 9000,
    ],
)
def test_malformed_content_state_is_refused(encoded):
    with pytest.raises(DeepLinkError):
        view_from_content_state(encoded)


@pytest.mark.parametrize(
    "target",
    [
        {"id": "https://elsewhere.example/iiif/manifest/KVB-V-1/canvas/1", "type": "Canvas"},
        {"id": f"{BASE}/iiif/manifest/KVB-V-1#xywh=1,2,3,4", "type": "Manifest"},
        {"id": f"{BASE}/iiif/manifest/KVB-V-1/canvas/1#t=5", "type": "Canvas"},
        {"id": f"{BASE}/iiif/manifest/KVB-V-1/canvas/0", "type": "Canvas"},
        {"type": "Canvas"},
        [canvas_target(), canvas_target()],
    ],
)
def test_content_state_targets_we_cannot_show_are_refused(target):
    with pytest.raises(DeepLinkError):
        view_from_content_state(encode_content_state(annotation(target)))
