"""The one image policy: which files the archive accepts, by every way in (admin form, multiple uploader,
bulk upload, `ingest_image`, the seed loader). Plain data, so settings can read the extensions. (JPEG 2000
is left out: the libvips of the pyvips wheels has no loader for it.)

Each accepted format is named by the libvips loader that reads it (what the file is, whatever its name
says), with the label shown in messages and the file-name extensions the upload forms offer.
"""

from typing import NamedTuple


class ImageFormat(NamedTuple):
    label: str
    extensions: tuple[str, ...]
    may_be_animated: bool = False
    # Pillow (behind Wagtail's renditions) reads these 8-bit files itself; others reach it as a JPEG.
    pillow_reads: bool = False


ACCEPTED_FORMATS = {
    "jpegload": ImageFormat("JPEG", ("jpg", "jpeg"), pillow_reads=True),
    "pngload": ImageFormat("PNG", ("png",), pillow_reads=True),
    "tiffload": ImageFormat("TIFF", ("tif", "tiff")),
    "webpload": ImageFormat("WebP", ("webp",), may_be_animated=True, pillow_reads=True),
    "gifload": ImageFormat("GIF", ("gif",), may_be_animated=True, pillow_reads=True),
    "heifload": ImageFormat("HEIF", ("heic", "heif", "avif"), may_be_animated=True),
}

ACCEPTED_EXTENSIONS = [extension for image_format in ACCEPTED_FORMATS.values() for extension in image_format.extensions]
