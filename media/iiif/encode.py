"""Encode a rendered image into the bytes of a format of the table (media/iiif/formats.py); no format is
named here, and one not in the table raises UnknownFormat."""

import pyvips
from django.conf import settings

from media.iiif.formats import output_format


def encode(image: pyvips.Image, image_format: str) -> bytes:
    output = output_format(image_format)
    if image.hasalpha() and not output.transparent:
        image = image.flatten(background=[255] * (image.bands - 1))
    options = dict(output.options)
    if output.takes_quality:
        options["Q"] = settings.IIIF_JPEG_QUALITY
    return getattr(image, output.saver)(keep=pyvips.enums.ForeignKeep.NONE, **options)
