"""Planning: region, size, pyramid level and canonical form, on plain values."""

import pytest

from media.iiif.errors import BadRequest
from media.iiif.formats import FORMATS
from media.iiif.parse import parse
from media.iiif.plan import Geometry, Limits, RenderPlan, plan

GEOMETRY = Geometry(width=1000, height=800, scale_factors=(1, 2, 4, 8))
LIMITS = Limits(max_width=2000, max_height=2000, max_area=2_000_000)


def plan_for(path: str, version: str = "3", geometry: Geometry = GEOMETRY) -> RenderPlan:
    return plan(parse(version, f"id/{path}"), geometry, LIMITS)


def test_a_tile_of_a_reduced_level_reads_only_that_level():
    result = plan_for("512,512,488,256/244,128/0/default.jpg")
    assert (result.page, result.scale) == (1, 2)
    assert result.crop == (256, 256, 244, 128)
    assert (result.width, result.height) == (244, 128)


def test_full_image_at_an_eighth_uses_the_smallest_level():
    result = plan_for("full/125,/0/default.jpg")
    assert (result.page, result.crop, result.width, result.height) == (3, (0, 0, 125, 100), 125, 100)


def test_size_between_levels_reads_the_larger_level_and_scales_down():
    result = plan_for("full/300,/0/default.jpg")
    assert (result.page, result.width, result.height) == (1, 300, 240)


def test_region_beyond_the_edge_is_clipped():
    result = plan_for("900,700,500,500/max/0/default.jpg")
    assert (result.crop, result.width, result.height) == ((900, 700, 100, 100), 100, 100)


def test_region_outside_the_image_is_refused():
    with pytest.raises(BadRequest):
        plan_for("1000,0,10,10/max/0/default.jpg")


def test_square_region_is_centred():
    assert plan_for("square/max/0/default.jpg").crop == (100, 0, 800, 800)


def test_percent_region_becomes_pixels():
    result = plan_for("pct:10,10,50,50/max/0/default.jpg")
    assert result.crop == (100, 80, 500, 400)
    assert result.canonical.startswith("100,80,500,400/")


def test_upscaling_without_caret_is_refused_in_3_0_and_allowed_in_2_1():
    with pytest.raises(BadRequest):
        plan_for("full/1500,/0/default.jpg")
    assert plan_for("full/1500,/0/default.jpg", version="2").width == 1500
    assert plan_for("full/^1500,/0/default.jpg").height == 1200


def test_confined_size_keeps_aspect_ratio():
    result = plan_for("full/!500,500/0/default.jpg")
    assert (result.width, result.height) == (500, 400)


def test_confined_size_needing_upscale_is_refused_without_caret():
    with pytest.raises(BadRequest):
        plan_for("full/!2000,3000/0/default.jpg")


def test_max_respects_the_area_limit():
    big = Geometry(width=4000, height=1000, scale_factors=(1, 2, 4, 8, 16))
    result = plan_for("full/max/0/default.jpg", geometry=big)
    assert result.width <= 2000 and result.width * result.height <= LIMITS.max_area
    assert result.canonical.startswith("full/max/")


def test_caret_max_upscales_to_the_limits():
    result = plan_for("full/^max/0/default.jpg")
    assert result.width * result.height <= LIMITS.max_area
    assert result.width > 1000


def test_sizes_beyond_the_limits_are_refused():
    with pytest.raises(BadRequest):
        plan_for("full/^2500,/0/default.jpg")


def test_equivalent_requests_share_one_canonical_form():
    by_width = plan_for("full/500,/0/default.jpg")
    by_percent = plan_for("0,0,1000,800/pct:50/0/default.jpg")
    assert by_width.canonical == by_percent.canonical


def test_canonical_form_of_2_1_uses_w_comma_and_full():
    assert plan_for("full/500,400/0/default.jpg", version="2").canonical == "full/500,/0/default.jpg"
    assert plan_for("full/full/0/default.jpg", version="2").canonical == "full/full/0/default.jpg"


def test_mirroring_and_fractional_rotation_appear_in_canonical_form():
    assert plan_for("full/max/!22.50/default.png").canonical == "full/max/!22.5/default.png"


TILED = Geometry(width=1000, height=800, scale_factors=(1, 2, 4, 8), tile=(256, 256))


@pytest.mark.parametrize(
    ("path", "tile"),
    [
        ("256,512,256,256/256,/0/default.jpg", (1, 2)),
        ("0,0,512,512/256,/0/color.jpg", (0, 0)),
        ("0,0,256,256/max/0/default.jpg", (0, 0)),
    ],
)
def test_a_whole_stored_tile_is_copied(path, tile):
    assert plan_for(path, geometry=TILED).tile_position == tile


@pytest.mark.parametrize(
    "path",
    [
        "768,0,232,256/232,/0/default.jpg",  # edge tile, smaller than a stored one
        "256,256,256,256/128,/0/default.jpg",  # scaled
        "100,100,256,256/256,/0/default.jpg",  # not on the tile grid
        "256,256,256,256/256,/90/default.jpg",
        "256,256,256,256/256,/!0/default.jpg",
        "256,256,256,256/256,/0/gray.jpg",
        "256,256,256,256/256,/0/default.png",
    ],
)
def test_anything_but_a_whole_unchanged_tile_is_rendered(path):
    assert plan_for(path, geometry=TILED).tile_position is None


def test_without_a_known_tile_size_nothing_is_copied():
    assert plan_for("0,0,256,256/256,/0/default.jpg").tile_position is None


def test_the_limits_apply_to_the_turned_output_not_the_upright_size():
    # 1400x1120 fits maxArea upright; turned 45 degrees its bounding box is 1782x1782, 3.2 million pixels.
    upright = plan_for("full/^1400,/0/default.jpg")
    assert (upright.width, upright.height) == (1400, 1120) and upright.output == (1400, 1120)
    with pytest.raises(BadRequest, match="maxArea 2000000"):
        plan_for("full/^1400,/45/default.jpg")


def test_a_refusal_names_a_size_that_would_fit():
    with pytest.raises(BadRequest) as refused:
        plan_for("full/^1400,/45/default.jpg")
    suggested = str(refused.value).split("at most ")[1].split(" ")[0]
    width, height = plan_for(f"full/{suggested}/45/default.jpg").output
    assert width * height <= LIMITS.max_area


@pytest.mark.parametrize("rotation", ["45", "!32", "10", "359.5"])
def test_max_shrinks_until_the_turned_output_fits(rotation):
    result = plan_for(f"full/^max/{rotation}/gray.webp")
    width, height = result.output
    assert width <= LIMITS.max_width and height <= LIMITS.max_height and width * height <= LIMITS.max_area
    assert width * height > 0.98 * LIMITS.max_area


def test_a_quarter_turn_swaps_the_limits_of_width_and_height():
    wide = Geometry(width=4000, height=1000, scale_factors=(1, 2, 4))
    limits = Limits(max_width=3000, max_height=2000, max_area=10_000_000)
    turned = plan(parse("3", "id/full/max/90/default.jpg"), wide, limits)
    assert turned.output == (500, 2000) and (turned.width, turned.height) == (2000, 500)


def test_formats_that_need_more_memory_get_a_smaller_area():
    # A webp with transparent corners holds about 30 bytes a pixel while it is encoded; a jpg a few.
    per_pixel = FORMATS["webp"].bytes_per_pixel_with_alpha
    limits = Limits(max_width=2000, max_height=2000, max_area=2_000_000, max_render_bytes=40 * per_pixel * 10_000)
    assert plan(parse("3", "id/full/1000,/30/default.jpg"), GEOMETRY, limits).width == 1000
    assert plan(parse("3", "id/full/1000,/0/default.webp"), GEOMETRY, limits).width == 1000
    with pytest.raises(BadRequest, match="webp"):
        plan(parse("3", "id/full/1000,/30/default.webp"), GEOMETRY, limits)
    shrunk = plan(parse("3", "id/full/max/30/default.webp"), GEOMETRY, limits)
    assert shrunk.output[0] * shrunk.output[1] * per_pixel <= limits.max_render_bytes


def test_gif_is_capped_where_its_encoder_finishes_in_seconds():
    big = Geometry(width=6000, height=6000, scale_factors=(1, 2, 4, 8))
    limits = Limits(max_width=10_000, max_height=10_000, max_area=40_000_000)
    capped = plan(parse("3", "id/full/max/0/default.gif"), big, limits)
    assert capped.output[0] * capped.output[1] <= FORMATS["gif"].max_area < 36_000_000
    assert plan(parse("3", "id/full/max/0/default.png"), big, limits).output == (6000, 6000)
    with pytest.raises(BadRequest, match="gif"):
        plan(parse("3", "id/full/4000,/0/default.gif"), big, limits)
