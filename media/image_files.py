"""What Wagtail reads of an original, read with libvips: its size, and the picture its renditions (admin
thumbnails, choosers) are made from.

Wagtail reads both with Willow and Pillow, which know fewer formats than the archive accepts (16-bit and
pyramidal TIFF, JPEG 2000, HEIF) and decode a whole file to learn its size. libvips reads the size from
the header, and hands Pillow an 8-bit JPEG of any original Pillow would not read itself.
"""

from contextlib import contextmanager
from io import BytesIO

import pyvips
import willow
from wagtail.images.models import WagtailImageFieldFile

from media.image_policy import ACCEPTED_FORMATS
from media.pyramid import QUARTER_TURN_ORIENTATIONS, open_upright, orientation_of
from media.storage import local_original

RENDITION_SOURCE_QUALITY = 92


def upright_size(header: pyvips.Image) -> tuple[int, int]:
    """Width and height as the image is shown: EXIF quarter turns swap them, as verification does."""
    if orientation_of(header) in QUARTER_TURN_ORIENTATIONS:
        return header.height, header.width
    return header.width, header.height


def header_of_stream(handle) -> pyvips.Image:
    handle.seek(0)
    source = pyvips.SourceCustom()
    source.on_read(handle.read)
    try:
        return pyvips.Image.new_from_source(source, "")
    finally:
        handle.seek(0)


class OriginalFieldFile(WagtailImageFieldFile):
    def get_image_dimensions(self):
        if not getattr(self, "_committed", True):
            # A new upload not stored yet: read the uploaded file itself.
            return upright_size(header_of_stream(self.file))
        with self.storage.open(self.name, "rb") as handle:
            return upright_size(header_of_stream(handle))


@contextmanager
def rendition_source(image):
    """A Willow image of the original, for Wagtail's renditions."""
    with local_original(image) as path:
        header = pyvips.Image.new_from_file(str(path))
        image_format = ACCEPTED_FORMATS.get(header.get("vips-loader"))
        if image_format is not None and image_format.pillow_reads and header.format == "uchar":
            with open(path, "rb") as handle:
                yield willow.Image.open(handle)
            return
        with open_upright(path) as upright:
            jpeg = upright.jpegsave_buffer(Q=RENDITION_SOURCE_QUALITY)
        yield willow.Image.open(BytesIO(jpeg))
