"""Parse the path after /iiif/{version}/ into a request value. No image, database or settings here.

Image API 3.0 and 2.1 share the request value; they differ in the size grammar (3.0 needs `^` to
upscale and has no `full`) and in what a bare number means. The accepted grammar, where INT is 1-9 ASCII
digits and NUMBER is INT with an optional fraction of 1-12 digits (or the fraction alone, `.5`):

    {identifier}                                      -> BaseRedirect (303 to info.json)
    {identifier}/info.json                            -> InfoRequest
    {identifier}/{region}/{size}/{rotation}/{quality}.{format}  -> ImageRequest
    region   := full | square | INT,INT,INT,INT | pct:NUMBER,NUMBER,NUMBER,NUMBER      (RegionKind)
    size     := [^] (max | w, | ,h | w,h | !w,h | pct:NUMBER)  and `full` in 2.1 only  (SizeKind)
    rotation := [!] NUMBER, at most 360 (`!` mirrors first)
    quality  := default | color | gray | bitonal
    format   := a row of media/iiif/formats.py
"""

import re
from dataclasses import dataclass
from enum import StrEnum

from media.iiif.errors import BadRequest, NotFound
from media.iiif.formats import output_format

QUALITIES = ("default", "color", "gray", "bitonal")
VERSIONS = ("2", "3")

# ASCII digits only: `\d`, int() and float() would also take Arabic-Indic, fullwidth and other Unicode digits.
_DIGIT = "[0-9]"
_INT = rf"{_DIGIT}{{1,9}}"
_NUMBER = rf"{_DIGIT}{{1,9}}(?:\.{_DIGIT}{{1,12}})?|\.{_DIGIT}{{1,12}}"
_PIXELS_RE = re.compile(rf"({_INT}),({_INT}),({_INT}),({_INT})")
_PERCENT_RE = re.compile(rf"pct:({_NUMBER}),({_NUMBER}),({_NUMBER}),({_NUMBER})")
_SIZE_RE = re.compile(rf"(?P<bang>!)?(?P<w>{_INT})?,(?P<h>{_INT})?")
_SIZE_PCT_RE = re.compile(rf"pct:({_NUMBER})")
_ROTATION_RE = re.compile(rf"(!)?({_NUMBER})")
_IDENTIFIER_FORBIDDEN = re.compile(r"[\x00-\x20\x7f\\]")


class RegionKind(StrEnum):
    FULL = "full"
    SQUARE = "square"  # the largest centred square
    PIXELS = "pixels"  # x,y,w,h
    PERCENT = "percent"  # pct:x,y,w,h


class SizeKind(StrEnum):
    MAX = "max"  # as large as the limits allow (never above the region's size without `^`)
    FULL = "full"  # 2.1: the region's size
    WIDTH = "width"  # w, (height in proportion)
    HEIGHT = "height"  # ,h (width in proportion)
    PERCENT = "percent"  # pct:n
    EXACT = "exact"  # w,h (proportions may change)
    CONFINED = "confined"  # !w,h (the largest size in proportion that fits in w by h)


@dataclass(frozen=True)
class Region:
    kind: RegionKind
    x: float = 0
    y: float = 0
    width: float = 0
    height: float = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", RegionKind(self.kind))  # a kind's name is taken too; no other text


@dataclass(frozen=True)
class Size:
    kind: SizeKind
    width: int | None = None
    height: int | None = None
    percent: float | None = None
    upscale: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", SizeKind(self.kind))


@dataclass(frozen=True)
class ImageRequest:
    version: str
    identifier: str
    region: Region
    size: Size
    mirror: bool
    rotation: float
    quality: str
    format: str


@dataclass(frozen=True)
class InfoRequest:
    version: str
    identifier: str


@dataclass(frozen=True)
class BaseRedirect:
    version: str
    identifier: str


def parse(version: str, path: str) -> ImageRequest | InfoRequest | BaseRedirect:
    """`path` is the decoded remainder after /iiif/{version}/, e.g. `abc/full/max/0/default.jpg`."""
    if version not in VERSIONS:
        raise NotFound("unknown IIIF version")
    segments = path.split("/")
    if segments[-1] == "info.json":
        return InfoRequest(version, parse_identifier(segments[:-1]))
    if len(segments) == 1 or (len(segments) == 2 and segments[1] == ""):
        return BaseRedirect(version, parse_identifier(segments[:1]))
    if len(segments) < 5:
        raise BadRequest("an image request needs identifier/region/size/rotation/quality.format")
    identifier = parse_identifier(segments[:-4])
    region, size, rotation, last = segments[-4:]
    quality, dot, image_format = last.rpartition(".")
    if not dot:
        raise BadRequest("missing format: end the request with quality.format")
    mirror, degrees = parse_rotation(rotation)
    return ImageRequest(
        version=version,
        identifier=identifier,
        region=parse_region(region),
        size=parse_size(size, version),
        mirror=mirror,
        rotation=degrees,
        quality=parse_quality(quality),
        format=parse_format(image_format),
    )


def parse_identifier(segments: list[str]) -> str:
    identifier = "/".join(segments)
    if not identifier or any(segment in ("", ".", "..") for segment in segments):
        raise BadRequest("malformed identifier")
    if _IDENTIFIER_FORBIDDEN.search(identifier):
        raise BadRequest("identifier contains forbidden characters")
    if len(segments) > 1:
        # A slash must be sent as %2F, which the server decodes before routing; no stored
        # identifier contains one, so this can only be an image we do not have.
        raise NotFound("unknown identifier")
    return identifier


def parse_region(text: str) -> Region:
    """`full`, `square`, `x,y,w,h` in whole pixels or `pct:x,y,w,h` in percent; width and height above 0."""
    if text in (RegionKind.FULL, RegionKind.SQUARE):
        return Region(RegionKind(text))
    if match := _PIXELS_RE.fullmatch(text):
        x, y, w, h = (int(value) for value in match.groups())
        kind = RegionKind.PIXELS
    elif match := _PERCENT_RE.fullmatch(text):
        x, y, w, h = (float(value) for value in match.groups())
        kind = RegionKind.PERCENT
    else:
        raise BadRequest(f"bad region {text[:40]!r}")
    if w <= 0 or h <= 0:
        raise BadRequest("region width and height must be greater than zero")
    return Region(kind, x, y, w, h)


def parse_size(text: str, version: str) -> Size:
    """The size grammar of both versions:

        max             MAX       as large as the limits allow, not above the region's size
        full            FULL      2.1 only: the region's size
        w,              WIDTH     width w, height in proportion
        ,h              HEIGHT    height h, width in proportion
        w,h             EXACT     exactly w by h
        !w,h            CONFINED  the largest size in proportion within w by h
        pct:n           PERCENT   n percent of the region
        ^ before any    upscale   3.0 only: the answer may be larger than the region (2.1 always may)

    w, h and n are above 0; whether the answer fits the limits is the plan's to decide (media/iiif/plan.py).
    """
    upscale = text.startswith("^")
    if upscale:
        if version == "2":
            raise BadRequest("'^' sizes are Image API 3.0")
        text = text[1:]
    if text == SizeKind.MAX or (text == SizeKind.FULL and version == "2"):
        return Size(SizeKind(text), upscale=upscale)
    if match := _SIZE_PCT_RE.fullmatch(text):
        percent = float(match.group(1))
        if percent <= 0:
            raise BadRequest("size percentage must be greater than zero")
        return Size(SizeKind.PERCENT, percent=percent, upscale=upscale)
    match = _SIZE_RE.fullmatch(text)
    if not match or (match["w"] is None and match["h"] is None):
        raise BadRequest(f"bad size {text[:40]!r}")
    width = int(match["w"]) if match["w"] is not None else None
    height = int(match["h"]) if match["h"] is not None else None
    if width == 0 or height == 0:
        raise BadRequest("size width and height must be greater than zero")
    if match["bang"]:
        if width is None or height is None:
            raise BadRequest("'!w,h' needs both width and height")
        return Size(SizeKind.CONFINED, width, height, upscale=upscale)
    if width is None:
        return Size(SizeKind.HEIGHT, height=height, upscale=upscale)
    if height is None:
        return Size(SizeKind.WIDTH, width=width, upscale=upscale)
    return Size(SizeKind.EXACT, width, height, upscale=upscale)


def parse_rotation(text: str) -> tuple[bool, float]:
    match = _ROTATION_RE.fullmatch(text)
    if not match:
        raise BadRequest(f"bad rotation {text[:40]!r}")
    degrees = float(match.group(2))
    if degrees > 360:
        raise BadRequest("rotation must be between 0 and 360")
    return bool(match.group(1)), degrees % 360


def parse_quality(text: str) -> str:
    if text not in QUALITIES:
        raise BadRequest(f"unknown quality {text[:40]!r}")
    return text


def parse_format(text: str) -> str:
    return output_format(text).extension
