"""Regions of an image as IIIF writes them: "x,y,w,h" in pixels of the full image."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

REGION_PATTERN = re.compile(r"^\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*$")


class RegionError(ValueError):
    pass


@dataclass(frozen=True)
class Region:
    x: int
    y: int
    w: int
    h: int

    def __str__(self) -> str:
        return f"{self.x},{self.y},{self.w},{self.h}"

    def as_list(self) -> list[int]:
        return [self.x, self.y, self.w, self.h]


def parse_region(text: str, width: int | None = None, height: int | None = None) -> Region:
    """Parse "x,y,w,h"; with the image's size, the region must lie inside it."""
    match = REGION_PATTERN.match(text or "")
    if not match:
        raise RegionError(
            _("'%(text)s' is not a region: write four whole numbers x,y,w,h, e.g. 120,80,400,300") % {"text": text}
        )
    region = Region(*(int(part) for part in match.groups()))
    if region.w == 0 or region.h == 0:
        raise RegionError(_("the region's width and height must be more than 0"))
    if width is not None and height is not None and (region.x + region.w > width or region.y + region.h > height):
        raise RegionError(
            _("the region %(region)s reaches outside the image (%(width)s × %(height)s px)")
            % {"region": region, "width": width, "height": height}
        )
    return region
