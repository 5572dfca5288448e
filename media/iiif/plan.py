"""Turn a parsed request into a plan against one image: which pyramid level, which pixels, what size.

Everything here is arithmetic on plain values, so a plan can be tested, cached and compared without
touching pixels. Region and size follow the Image API; the choices of ours are the pyramid level (the
smallest one that still has at least the requested resolution) and the budget: the limits bound the
answer as it is sent, after rotation, so they are checked on the rotated bounding box before any pixel
work, and `max` is the largest size whose rotated box fits.
"""

import math
from dataclasses import dataclass

from media.iiif.errors import BadRequest
from media.iiif.formats import FORMATS, encoder_bytes_per_pixel
from media.iiif.parse import ImageRequest, Region, RegionKind, Size, SizeKind


@dataclass(frozen=True)
class Limits:
    """The output limits info.json publishes, and the memory one render's encoder may hold, which lowers
    the area of formats that need many bytes a pixel (media/iiif/formats.py)."""

    max_width: int
    max_height: int
    max_area: int
    max_render_bytes: int | None = None


@dataclass(frozen=True)
class Budget(Limits):
    """The limits of one request: maxArea lowered for a format that costs more, and what sets it."""

    area_reason: str = ""


@dataclass(frozen=True)
class Geometry:
    """What a plan needs to know of an image: its full size and the scale factors of its pyramid."""

    width: int
    height: int
    scale_factors: tuple[int, ...]
    tile: tuple[int, int] | None = None  # stored tile size, when tiles may be copied as they are


@dataclass(frozen=True)
class RenderPlan:
    page: int  # pyramid level to read
    scale: int  # its scale factor
    crop: tuple[int, int, int, int]  # x, y, w, h in that level's pixels
    width: int  # size of the scaled region, before rotation
    height: int
    output: tuple[int, int]  # size of the answer: the scaled region's bounding box after rotation
    mirror: bool
    rotation: float
    quality: str
    format: str
    canonical: str  # region/size/rotation/quality.format in canonical form
    tile_position: tuple[int, int] | None = None  # column, row of the level's stored tile that is the answer as it is


def plan(request: ImageRequest, geometry: Geometry, limits: Limits) -> RenderPlan:
    x, y, rw, rh = resolve_region(request.region, geometry.width, geometry.height)
    budget = output_budget(limits, request)
    width, height = resolve_size(request, rw, rh, budget)
    page, scale = choose_level(geometry.scale_factors, min(rw / width, rh / height))
    crop = level_crop((x, y, rw, rh), scale, geometry)
    whole = (x, y, rw, rh) == (0, 0, geometry.width, geometry.height)
    canonical_region = "full" if whole else f"{x},{y},{rw},{rh}"
    canonical = "/".join(
        (
            canonical_region,
            canonical_size(width, height, rw, rh, budget, request),
            ("!" if request.mirror else "") + format_number(request.rotation),
            f"{request.quality}.{request.format}",
        )
    )
    return RenderPlan(
        page=page,
        scale=scale,
        crop=crop,
        width=width,
        height=height,
        output=output_size(width, height, request.rotation),
        mirror=request.mirror,
        rotation=request.rotation,
        quality=request.quality,
        format=request.format,
        canonical=canonical,
        tile_position=whole_tile_position(request, crop, (width, height), geometry.tile),
    )


def resolve_region(region: Region, width: int, height: int) -> tuple[int, int, int, int]:
    """The requested region in full-size pixels, clipped to the image; outside it is an error."""
    if region.kind is RegionKind.FULL:
        return 0, 0, width, height
    if region.kind is RegionKind.SQUARE:
        side = min(width, height)
        return (width - side) // 2, (height - side) // 2, side, side
    if region.kind is RegionKind.PERCENT:
        x = math.floor(region.x * width / 100)
        y = math.floor(region.y * height / 100)
        w = max(1, round(region.width * width / 100))
        h = max(1, round(region.height * height / 100))
    else:
        x, y, w, h = int(region.x), int(region.y), int(region.width), int(region.height)
    if x >= width or y >= height:
        raise BadRequest("region is outside the image")
    return x, y, min(w, width - x), min(h, height - y)


def output_budget(limits: Limits, request: ImageRequest) -> Budget:
    """maxArea, or less for a format whose encoder cannot be stopped or would hold more than
    `max_render_bytes` at that size (media/iiif/formats.py)."""
    area, reason = limits.max_area, f"maxArea {limits.max_area}"
    cap = FORMATS[request.format].max_area
    if cap is not None and cap < area:
        area, reason = cap, f"{cap} pixels, the largest {request.format} made here (its encoder cannot be stopped)"
    if limits.max_render_bytes is not None:
        per_pixel = encoder_bytes_per_pixel(request.format, request.rotation)
        if limits.max_render_bytes // per_pixel < area:
            area = limits.max_render_bytes // per_pixel
            reason = f"{area} pixels, what a {request.format} encoder may hold here at {per_pixel} bytes a pixel"
    return Budget(limits.max_width, limits.max_height, area, limits.max_render_bytes, area_reason=reason)


def resolve_size(request: ImageRequest, rw: int, rh: int, budget: Budget) -> tuple[int, int]:
    size = request.size
    width, height = _requested_size(size, rw, rh, budget, request.rotation)
    upscaled = width > rw or height > rh
    if upscaled and request.version == "3" and not size.upscale:
        raise BadRequest("size is larger than the region: Image API 3.0 needs '^' to upscale")
    output = output_size(width, height, request.rotation)
    if not fits(output, budget):
        raise BadRequest(over_budget(request, output, (rw, rh), budget))
    return width, height


def over_budget(request: ImageRequest, output: tuple[int, int], region: tuple[int, int], budget: Budget) -> str:
    """Why the answer would be too big, which limit it breaks, and the largest size that fits."""
    turned = f" (turned {format_number(request.rotation)} degrees)" if request.rotation else ""
    reason = f"output {output[0]}x{output[1]}{turned} exceeds maxWidth {budget.max_width}, "
    reason += f"maxHeight {budget.max_height} or {budget.area_reason}"
    upscale = request.size.upscale or request.version == "2"
    width, height = largest_size(*region, budget, request.rotation, upscale)
    caret = "^" if request.version == "3" and request.size.upscale else ""
    return f"{reason}: ask for at most {caret}{width},{height} or {caret}max"


def _requested_size(size: Size, rw: int, rh: int, budget: Limits, rotation: float) -> tuple[int, int]:
    if size.kind is SizeKind.FULL:
        return rw, rh
    if size.kind is SizeKind.MAX:
        return largest_size(rw, rh, budget, rotation, size.upscale)
    if size.kind is SizeKind.PERCENT:
        return max(1, round(rw * size.percent / 100)), max(1, round(rh * size.percent / 100))
    if size.kind is SizeKind.WIDTH:
        return size.width, max(1, round(rh * size.width / rw))
    if size.kind is SizeKind.HEIGHT:
        return max(1, round(rw * size.height / rh)), size.height
    if size.kind is SizeKind.CONFINED:
        return _scaled(rw, rh, min(size.width / rw, size.height / rh))
    return size.width, size.height


def largest_size(rw: int, rh: int, limits: Limits, rotation: float, upscale: bool) -> tuple[int, int]:
    """The largest size of the region, in its proportions, whose bounding box after rotation fits the limits."""
    box_width, box_height = turned_box(rw, rh, rotation)
    factor = min(
        limits.max_width / box_width,
        limits.max_height / box_height,
        math.sqrt(limits.max_area / (box_width * box_height)),
    )
    if not upscale:
        factor = min(1.0, factor)
    size = _scaled(rw, rh, factor)
    # A turned box is rounded up to whole pixels and may overshoot by one: step down until it fits.
    for _ in range(100):
        if fits(output_size(*size, rotation), limits):
            break
        factor *= 0.999
        size = _scaled(rw, rh, factor)
    return size


def turned_box(width: float, height: float, rotation: float) -> tuple[float, float]:
    if rotation % 180 == 0:
        return width, height
    if rotation % 90 == 0:
        return height, width
    radians = math.radians(rotation)
    cos, sin = abs(math.cos(radians)), abs(math.sin(radians))
    return width * cos + height * sin, width * sin + height * cos


def output_size(width: int, height: int, rotation: float) -> tuple[int, int]:
    """The size of the answer. libvips' rotate gives the bounding box in whole pixels, never larger than
    it rounded up (the allowance keeps float noise on an exact size from adding a pixel)."""
    box_width, box_height = turned_box(width, height, rotation)
    return math.ceil(box_width - 1e-9), math.ceil(box_height - 1e-9)


def fits(size: tuple[int, int], limits: Limits) -> bool:
    width, height = size
    return width <= limits.max_width and height <= limits.max_height and width * height <= limits.max_area


def _scaled(rw: int, rh: int, factor: float) -> tuple[int, int]:
    # The small allowance keeps an exact fit (e.g. 1000 px into a 500 px box) from rounding down.
    return max(1, math.floor(rw * factor + 1e-6)), max(1, math.floor(rh * factor + 1e-6))


def choose_level(scale_factors: tuple[int, ...], downscale: float) -> tuple[int, int]:
    """The pyramid page with the largest scale factor not above the requested downscale."""
    page, chosen = 0, scale_factors[0]
    for index, factor in enumerate(scale_factors):
        if factor <= downscale + 1e-9:
            page, chosen = index, factor
    return page, chosen


def level_crop(region: tuple[int, int, int, int], scale: int, geometry: Geometry) -> tuple[int, int, int, int]:
    """The region in level pixels, grown to whole pixels so that nothing requested is cut off."""
    x, y, w, h = region
    level_width = max(1, geometry.width // scale)
    level_height = max(1, geometry.height // scale)
    left = min(x // scale, level_width - 1)
    top = min(y // scale, level_height - 1)
    right = min(max(left + 1, math.ceil((x + w) / scale)), level_width)
    bottom = min(max(top + 1, math.ceil((y + h) / scale)), level_height)
    return left, top, right - left, bottom - top


def whole_tile_position(
    request: ImageRequest, crop: tuple[int, int, int, int], size: tuple[int, int], tile: tuple[int, int] | None
) -> tuple[int, int] | None:
    """Column and row of the stored tile that answers the request as it is: one whole tile, unscaled, unturned, in JPEG.
    Viewers ask for little else, so most tiles are served without decoding a pixel."""
    if tile is None or request.format != "jpg" or request.quality not in ("default", "color"):
        return None
    if request.mirror or request.rotation != 0:
        return None
    x, y, w, h = crop
    if (w, h) != tile or size != tile or x % tile[0] or y % tile[1]:
        return None
    return x // tile[0], y // tile[1]


def canonical_size(width: int, height: int, rw: int, rh: int, budget: Limits, request: ImageRequest) -> str:
    if request.version == "2":
        if (width, height) == (rw, rh):
            return "full"
        return f"{width}," if height == max(1, round(rh * width / rw)) else f"{width},{height}"
    if (width, height) == largest_size(rw, rh, budget, request.rotation, upscale=False):
        return "max"
    return ("^" if width > rw or height > rh else "") + f"{width},{height}"


def format_number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:.6f}".rstrip("0").rstrip(".")
