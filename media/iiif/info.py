"""The image information documents (info.json) of Image API 3.0 and 2.1 for one pyramid."""

from media.iiif.formats import FORMATS, extra_formats
from media.iiif.plan import Geometry, Limits

CONTEXT_3 = "http://iiif.io/api/image/3/context.json"
CONTEXT_2 = "http://iiif.io/api/image/2/context.json"
PROFILE_3 = "http://iiif.io/api/image/3/level2.json"
PROFILE_2 = "http://iiif.io/api/image/2/level2.json"
FEATURES_3 = [
    "baseUriRedirect",
    "canonicalLinkHeader",
    "cors",
    "jsonldMediaType",
    "mirroring",
    "profileLinkHeader",
    "regionByPct",
    "regionSquare",
    "rotationArbitrary",
    "sizeByConfinedWh",
    "sizeByH",
    "sizeByPct",
    "sizeByW",
    "sizeByWh",
    "sizeUpscaling",
]
FEATURES_2 = [
    "baseUriRedirect",
    "canonicalLinkHeader",
    "cors",
    "jsonldMediaType",
    "mirroring",
    "profileLinkHeader",
    "regionByPct",
    "regionByPx",
    "regionSquare",
    "rotationArbitrary",
    "rotationBy90s",
    "sizeAboveFull",
    "sizeByConfinedWh",
    "sizeByDistortedWh",
    "sizeByH",
    "sizeByPct",
    "sizeByW",
    "sizeByWh",
]


def info(version: str, service_id: str, geometry: Geometry, tile: tuple[int, int], limits: Limits) -> dict:
    sizes = level_sizes(geometry, limits)
    tiles = [{"width": tile[0], "height": tile[1], "scaleFactors": list(geometry.scale_factors)}]
    if version == "2":
        return {
            "@context": CONTEXT_2,
            "@id": service_id,
            "protocol": "http://iiif.io/api/image",
            "width": geometry.width,
            "height": geometry.height,
            "sizes": sizes,
            "tiles": tiles,
            "profile": [
                PROFILE_2,
                {
                    "formats": list(FORMATS),
                    "qualities": ["default", "color", "gray", "bitonal"],
                    "supports": FEATURES_2,
                    "maxWidth": limits.max_width,
                    "maxHeight": limits.max_height,
                    "maxArea": limits.max_area,
                },
            ],
        }
    return {
        "@context": CONTEXT_3,
        "id": service_id,
        "type": "ImageService3",
        "protocol": "http://iiif.io/api/image",
        "profile": "level2",
        "width": geometry.width,
        "height": geometry.height,
        "maxWidth": limits.max_width,
        "maxHeight": limits.max_height,
        "maxArea": limits.max_area,
        "sizes": sizes,
        "tiles": tiles,
        "extraQualities": ["gray", "bitonal"],
        "extraFormats": extra_formats(),
        "extraFeatures": FEATURES_3,
    }


def level_sizes(geometry: Geometry, limits: Limits) -> list[dict]:
    """Whole-image sizes that are cheap to serve: one per pyramid level, smallest first."""
    sizes = []
    for factor in sorted(geometry.scale_factors, reverse=True):
        width, height = max(1, geometry.width // factor), max(1, geometry.height // factor)
        if width <= limits.max_width and height <= limits.max_height and width * height <= limits.max_area:
            sizes.append({"width": width, "height": height})
    return sizes
