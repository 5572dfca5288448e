"""Rendering plans on a real pyramid and encoding the result."""

import pytest
import pyvips

from media.iiif.encode import encode
from media.iiif.parse import parse
from media.iiif.plan import Geometry, Limits, plan
from media.iiif.render import render
from media.iiif.tiff_tiles import tile_copy
from media.pyramid import build_pyramid, open_level, open_pyramid
from tests.media.builders import write_grid

LIMITS = Limits(5000, 5000, 25_000_000)


@pytest.fixture(scope="module")
def pyramid(tmp_path_factory):
    folder = tmp_path_factory.mktemp("render")
    target = folder / "grid.tif"
    build_pyramid(write_grid(folder / "grid.png", 1000, 600), target)
    return open_pyramid(target)


def rendered(pyramid, path: str) -> pyvips.Image:
    geometry = Geometry(pyramid.width, pyramid.height, tuple(pyramid.scale_factors))
    planned = plan(parse("3", f"id/{path}"), geometry, LIMITS)
    return render(planned, open_level(pyramid, planned.page))


def test_pyramid_has_one_level_per_power_of_two_down_to_one_tile(pyramid):
    assert pyramid.scale_factors == [1, 2, 4]
    assert [(level.width, level.height) for level in pyramid.levels] == [(1000, 600), (500, 300), (250, 150)]
    assert (pyramid.tile_width, pyramid.tile_height) == (256, 256)


def test_region_returns_the_pixels_of_that_place(pyramid):
    image = rendered(pyramid, "900,500,100,100/max/0/default.png")
    red, green = image.getpoint(50, 50)[:2]
    assert red == pytest.approx(950 * 255 / 999, abs=6)
    assert green == pytest.approx(550 * 255 / 599, abs=6)


def test_output_has_exactly_the_requested_size(pyramid):
    for size, expected in (("333,", (333, 200)), ("77,91", (77, 91)), ("^1234,", (1234, 740))):
        image = rendered(pyramid, f"full/{size}/0/default.jpg")
        assert (image.width, image.height) == expected


def test_mirroring_flips_left_and_right(pyramid):
    image = rendered(pyramid, "full/max/!0/default.png")
    assert image.getpoint(5, 300)[0] > 240 and image.getpoint(995, 300)[0] < 15


def test_quarter_turn_swaps_width_and_height(pyramid):
    image = rendered(pyramid, "full/max/90/default.jpg")
    assert (image.width, image.height) == (600, 1000)


def test_arbitrary_rotation_in_png_has_transparent_corners(pyramid):
    image = rendered(pyramid, "full/200,/45/default.png")
    assert image.hasalpha() and image.getpoint(0, 0)[-1] == 0


def test_bitonal_has_only_black_and_white(pyramid):
    image = rendered(pyramid, "full/200,/0/bitonal.png")
    assert image.bands == 1
    histogram = image.hist_find()
    assert sum(histogram.getpoint(value, 0)[0] for value in (0, 255)) == image.width * image.height


def test_gray_has_one_band(pyramid):
    assert rendered(pyramid, "full/200,/0/gray.jpg").bands == 1


@pytest.mark.parametrize(
    ("image_format", "loader"),
    [
        ("jpg", "jpegload_buffer"),
        ("png", "pngload_buffer"),
        ("webp", "webpload_buffer"),
        ("tif", "tiffload_buffer"),
        ("gif", "gifload_buffer"),
    ],
)
def test_every_format_encodes_to_what_it_says(pyramid, image_format, loader):
    data = encode(rendered(pyramid, "full/64,/0/default.jpg"), image_format)
    assert pyvips.Image.new_from_buffer(data, "").get("vips-loader") == loader


def test_a_stored_tile_has_the_pixels_rendering_would_decode(pyramid):
    geometry = Geometry(pyramid.width, pyramid.height, tuple(pyramid.scale_factors), (256, 256))
    planned = plan(parse("3", "id/256,256,256,256/256,/0/default.jpg"), geometry, LIMITS)
    copied = pyvips.Image.new_from_buffer(tile_copy(pyramid, planned), "")
    decoded = open_level(pyramid, 0).crop(256, 256, 256, 256)
    assert (copied.width, copied.height, copied.bands) == (256, 256, 3)
    assert (copied - decoded).abs().max() == 0


def test_a_reduced_level_has_stored_tiles_too(pyramid):
    geometry = Geometry(pyramid.width, pyramid.height, tuple(pyramid.scale_factors), (256, 256))
    planned = plan(parse("3", "id/0,0,512,512/256,/0/default.jpg"), geometry, LIMITS)
    assert planned.page == 1
    assert pyvips.Image.new_from_buffer(tile_copy(pyramid, planned), "").width == 256
