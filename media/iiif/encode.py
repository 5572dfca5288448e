"""Encode a rendered image into the requested format's bytes (the formats are listed in media/iiif/formats.py)."""

import pyvips
from django.conf import settings


def encode(image: pyvips.Image, image_format: str) -> bytes:
    quality = settings.IIIF_JPEG_QUALITY
    if image_format == "jpg":
        if image.hasalpha():
            image = image.flatten(background=[255] * (image.bands - 1))
        return image.jpegsave_buffer(Q=quality, keep=pyvips.enums.ForeignKeep.NONE)
    if image_format == "png":
        return image.pngsave_buffer(compression=6, keep=pyvips.enums.ForeignKeep.NONE)
    if image_format == "webp":
        return image.webpsave_buffer(Q=quality, keep=pyvips.enums.ForeignKeep.NONE)
    if image_format == "tif":
        return image.tiffsave_buffer(compression="deflate", keep=pyvips.enums.ForeignKeep.NONE)
    if image_format == "gif":
        return image.gifsave_buffer(keep=pyvips.enums.ForeignKeep.NONE)
    raise ValueError(f"no encoder for {image_format!r}")
