"""Run a plan on a pyramid with libvips: crop one level (only its needed tiles are read), scale,
mirror, rotate, change quality. The result is a lazy libvips image; encoding pulls the pixels."""

import pyvips

from media.iiif.formats import FORMATS
from media.iiif.plan import RenderPlan


def render(plan: RenderPlan, level: pyvips.Image) -> pyvips.Image:
    """`level` is the pyramid page the plan chose, opened (media.pyramid.open_level)."""
    x, y, w, h = plan.crop
    image = level.crop(x, y, w, h)
    image = scale_to(image, plan.width, plan.height)
    if plan.mirror:
        image = image.fliphor()
    image = rotate(image, plan.rotation, transparent=FORMATS[plan.format].transparent)
    return apply_quality(image, plan.quality)


def scale_to(image: pyvips.Image, width: int, height: int) -> pyvips.Image:
    if (image.width, image.height) == (width, height):
        return image
    scaled = image.resize(width / image.width, vscale=height / image.height)
    if (scaled.width, scaled.height) != (width, height):
        # libvips rounds the output size; pad or trim the odd pixel to the size the client asked for.
        scaled = scaled.gravity("north-west", width, height, extend="copy")
    return scaled


def rotate(image: pyvips.Image, degrees: float, transparent: bool) -> pyvips.Image:
    if degrees == 0:
        return image
    if degrees % 90 == 0:
        return image.rot(f"d{int(degrees)}")
    if transparent and not image.hasalpha():
        image = image.bandjoin(255)
    background = [0] * image.bands if transparent else [255] * image.bands
    return image.rotate(degrees, background=background)


def apply_quality(image: pyvips.Image, quality: str) -> pyvips.Image:
    if quality not in ("gray", "bitonal"):
        return image
    alpha = image[image.bands - 1] if image.hasalpha() else None
    grey = image.extract_band(0, n=image.bands - 1) if alpha is not None else image
    grey = grey.colourspace("b-w")
    if quality == "bitonal":
        grey = (grey > 127).cast("uchar")
    return grey.bandjoin(alpha) if alpha is not None else grey
