"""Parsing IIIF paths into request values, for Image API 3.0 and 2.1."""

import pytest

from media.iiif.errors import BadRequest, NotFound
from media.iiif.parse import BaseRedirect, ImageRequest, InfoRequest, Region, RegionKind, Size, SizeKind, parse


def test_image_request_is_parsed_into_its_parts():
    request = parse("3", "abc/10,20,30,40/^!200,100/!90/gray.png")
    assert request == ImageRequest(
        version="3",
        identifier="abc",
        region=Region(RegionKind.PIXELS, 10, 20, 30, 40),
        size=Size(SizeKind.CONFINED, 200, 100, upscale=True),
        mirror=True,
        rotation=90.0,
        quality="gray",
        format="png",
    )


def test_info_and_base_uri_are_recognised():
    assert parse("3", "abc/info.json") == InfoRequest("3", "abc")
    assert parse("3", "abc") == BaseRedirect("3", "abc")
    assert parse("2", "abc/") == BaseRedirect("2", "abc")


def test_plus_in_identifier_is_kept_literally():
    assert parse("3", "a+b/info.json").identifier == "a+b"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("full", Region(RegionKind.FULL)),
        ("square", Region(RegionKind.SQUARE)),
        ("pct:10.5,0,50,50", Region(RegionKind.PERCENT, 10.5, 0, 50, 50)),
    ],
)
def test_region_forms(text, expected):
    assert parse("3", f"id/{text}/max/0/default.jpg").region == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("max", Size(SizeKind.MAX)),
        ("^max", Size(SizeKind.MAX, upscale=True)),
        ("200,", Size(SizeKind.WIDTH, width=200)),
        (",100", Size(SizeKind.HEIGHT, height=100)),
        ("pct:50", Size(SizeKind.PERCENT, percent=50.0)),
        ("200,100", Size(SizeKind.EXACT, 200, 100)),
        ("!200,100", Size(SizeKind.CONFINED, 200, 100)),
    ],
)
def test_size_forms_of_3_0(text, expected):
    assert parse("3", f"id/full/{text}/0/default.jpg").size == expected


def test_full_size_is_2_1_only():
    assert parse("2", "id/full/full/0/default.jpg").size == Size(SizeKind.FULL)
    with pytest.raises(BadRequest):
        parse("3", "id/full/full/0/default.jpg")


def test_caret_is_3_0_only():
    with pytest.raises(BadRequest):
        parse("2", "id/full/^200,/0/default.jpg")


@pytest.mark.parametrize(
    "path",
    [
        "id/0,0,0,10/max/0/default.jpg",
        "id/pct:0,0,0,10/max/0/default.jpg",
        "id/-1,0,10,10/max/0/default.jpg",
        "id/abc/max/0/default.jpg",
        "id/full/0,/0/default.jpg",
        "id/full/,0/0/default.jpg",
        "id/full/pct:0/0/default.jpg",
        "id/full/-5,/0/default.jpg",
        "id/full/,/0/default.jpg",
        "id/full/!200,/0/default.jpg",
        "id/full/max/361/default.jpg",
        "id/full/max/-90/default.jpg",
        "id/full/max/ninety/default.jpg",
        "id/full/max/0/sepia.jpg",
        "id/full/max/0/default.jp2",
        "id/full/max/0/default",
        "id/full/max/default.jpg",
        "../full/max/0/default.jpg",
        "./info.json",
        "a/../b/full/max/0/default.jpg",
    ],
)
def test_malformed_requests_are_bad_requests(path):
    with pytest.raises(BadRequest):
        parse("3", path)


def test_identifier_with_a_slash_is_unknown_not_malformed():
    with pytest.raises(NotFound):
        parse("3", "a/b/full/max/0/default.jpg")


def test_unknown_version_is_not_found():
    with pytest.raises(NotFound):
        parse("4", "id/info.json")


def test_rotation_of_360_is_a_full_turn():
    assert parse("3", "id/full/max/360/default.jpg").rotation == 0


# Python's \d, int() and float() take any Unicode decimal digit; the Image API means ASCII 0-9 only.
NON_ASCII_DIGITS = {
    "arabic-indic": "\u0661",
    "fullwidth": "\uff11",
    "devanagari": "\u0967",
    "mathematical": "\U0001d7d9",
}
# Every numeric position of both versions; `#` marks the digit that is swapped.
NUMERIC_POSITIONS = {
    "2": [
        "#,0,10,10/max/0",
        "0,#,10,10/max/0",
        "0,0,1#,10/max/0",
        "0,0,10,1#/max/0",
        "pct:#,0,10,10/max/0",
        "pct:0,#.5,10,10/max/0",
        "pct:0,0,1#,10/max/0",
        "pct:0,0,10,10.#/max/0",
        "full/#0,/0",
        "full/,#0/0",
        "full/1#,20/0",
        "full/10,2#/0",
        "full/!#0,20/0",
        "full/!10,2#/0",
        "full/pct:#0/0",
        "full/pct:5.#/0",
        "full/max/#",
        "full/max/!#",
        "full/max/2.#",
    ],
}
NUMERIC_POSITIONS["3"] = [
    *NUMERIC_POSITIONS["2"],
    "full/^#0,/0",
    "full/^,#0/0",
    "full/^!10,#0/0",
    "full/^pct:1#0/0",
]


@pytest.mark.parametrize("digit", NON_ASCII_DIGITS.values(), ids=NON_ASCII_DIGITS.keys())
@pytest.mark.parametrize(
    ("version", "position"),
    [(version, position) for version, positions in NUMERIC_POSITIONS.items() for position in positions],
)
def test_only_ascii_digits_are_numbers(version, position, digit):
    parse(version, f"id/{position.replace('#', '1')}/default.jpg")
    with pytest.raises(BadRequest):
        parse(version, f"id/{position.replace('#', digit)}/default.jpg")


def test_kinds_are_enums_and_nothing_else_is_a_kind():
    parsed = parse("3", "id/pct:1,2,3,4/^!200,100/0/default.jpg")
    assert parsed.region.kind is RegionKind.PERCENT and parsed.size.kind is SizeKind.CONFINED
    assert Size("max").kind is SizeKind.MAX
    with pytest.raises(ValueError):
        Region("everything")
