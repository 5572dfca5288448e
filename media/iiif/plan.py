"""Turn a parsed request into a plan against one image: which pyramid level, which pixels, what size.

Everything here is arithmetic on plain values, so a plan can be tested, cached and compared without
touching pixels. Region and size follow the Image API; the only choice of ours is the pyramid level:
the smallest one that still has at least the requested resolution.
"""

import math
from dataclasses import dataclass

from media.iiif.errors import BadRequest
from media.iiif.parse import ImageRequest, Region, Size


@dataclass(frozen=True)
class Limits:
    max_width: int
    max_height: int
    max_area: int


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
    width: int  # output size before rotation
    height: int
    mirror: bool
    rotation: float
    quality: str
    format: str
    canonical: str  # region/size/rotation/quality.format in canonical form
    stored_tile: tuple[int, int] | None = None  # column, row of the level's tile that is the answer


def plan(request: ImageRequest, geometry: Geometry, limits: Limits) -> RenderPlan:
    x, y, rw, rh = resolve_region(request.region, geometry.width, geometry.height)
    width, height = resolve_size(request.size, rw, rh, limits, request.version)
    page, scale = choose_level(geometry.scale_factors, min(rw / width, rh / height))
    crop = level_crop((x, y, rw, rh), scale, geometry)
    whole = (x, y, rw, rh) == (0, 0, geometry.width, geometry.height)
    canonical_region = "full" if whole else f"{x},{y},{rw},{rh}"
    canonical = "/".join(
        (
            canonical_region,
            canonical_size(width, height, rw, rh, limits, request.version),
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
        mirror=request.mirror,
        rotation=request.rotation,
        quality=request.quality,
        format=request.format,
        canonical=canonical,
        stored_tile=stored_tile(request, crop, (width, height), geometry.tile),
    )


def resolve_region(region: Region, width: int, height: int) -> tuple[int, int, int, int]:
    """The requested region in full-size pixels, clipped to the image; outside it is an error."""
    if region.kind == "full":
        return 0, 0, width, height
    if region.kind == "square":
        side = min(width, height)
        return (width - side) // 2, (height - side) // 2, side, side
    if region.kind == "percent":
        x = math.floor(region.x * width / 100)
        y = math.floor(region.y * height / 100)
        w = max(1, round(region.width * width / 100))
        h = max(1, round(region.height * height / 100))
    else:
        x, y, w, h = int(region.x), int(region.y), int(region.width), int(region.height)
    if x >= width or y >= height:
        raise BadRequest("region is outside the image")
    return x, y, min(w, width - x), min(h, height - y)


def resolve_size(size: Size, rw: int, rh: int, limits: Limits, version: str) -> tuple[int, int]:
    width, height = _requested_size(size, rw, rh, limits)
    upscaled = width > rw or height > rh
    if upscaled and version == "3" and not size.upscale:
        raise BadRequest("size is larger than the region: Image API 3.0 needs '^' to upscale")
    if width > limits.max_width or height > limits.max_height or width * height > limits.max_area:
        raise BadRequest(
            f"size {width}x{height} exceeds maxWidth {limits.max_width}, maxHeight {limits.max_height} "
            f"or maxArea {limits.max_area}"
        )
    return width, height


def _requested_size(size: Size, rw: int, rh: int, limits: Limits) -> tuple[int, int]:
    if size.kind == "full":
        return rw, rh
    if size.kind == "max":
        factor = max_scale(rw, rh, limits)
        if not size.upscale:
            factor = min(1.0, factor)
        return _scaled(rw, rh, factor)
    if size.kind == "percent":
        return max(1, round(rw * size.percent / 100)), max(1, round(rh * size.percent / 100))
    if size.kind == "width":
        return size.width, max(1, round(rh * size.width / rw))
    if size.kind == "height":
        return max(1, round(rw * size.height / rh)), size.height
    if size.kind == "confined":
        return _scaled(rw, rh, min(size.width / rw, size.height / rh))
    return size.width, size.height


def max_scale(rw: int, rh: int, limits: Limits) -> float:
    return min(limits.max_width / rw, limits.max_height / rh, math.sqrt(limits.max_area / (rw * rh)))


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


def stored_tile(
    request: ImageRequest, crop: tuple[int, int, int, int], size: tuple[int, int], tile: tuple[int, int] | None
) -> tuple[int, int] | None:
    """The stored tile that answers the request as it is: one whole tile, unscaled, unturned, in JPEG.
    Viewers ask for little else, so most tiles are served without decoding a pixel."""
    if tile is None or request.format != "jpg" or request.quality not in ("default", "color"):
        return None
    if request.mirror or request.rotation != 0:
        return None
    x, y, w, h = crop
    if (w, h) != tile or size != tile or x % tile[0] or y % tile[1]:
        return None
    return x // tile[0], y // tile[1]


def canonical_size(width: int, height: int, rw: int, rh: int, limits: Limits, version: str) -> str:
    if version == "2":
        if (width, height) == (rw, rh):
            return "full"
        return f"{width}," if height == max(1, round(rh * width / rw)) else f"{width},{height}"
    if (width, height) == _scaled(rw, rh, min(1.0, max_scale(rw, rh, limits))):
        return "max"
    return ("^" if width > rw or height > rh else "") + f"{width},{height}"


def format_number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:.6f}".rstrip("0").rstrip(".")
