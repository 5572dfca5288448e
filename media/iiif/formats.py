"""The output formats, declared once: what a request may name, the media type of the answer, how libvips
saves it, whether it holds transparency, and how much memory the encoder needs.

To add a format: one row here. Parse, info.json, the encoder (media/iiif/encode.py), the budget and the
answer's Content-Type all read this table (tests/media/test_formats.py adds a row and checks each).

The bytes per pixel are the peak memory one libvips 8.18 process added while encoding a 10 to 80
megapixel render of a noisy photographic sample, per output pixel, rounded up. JPEG streams; PNG and TIFF
hold their compressed output (growing by doubling, then copied to Python); WebP, and GIF's palette
search, hold the whole frame, and WebP compresses an alpha band losslessly at about 30 bytes a pixel.
Rotation by other than a quarter turn gives transparent formats an alpha band (media/iiif/render.py).

Every encoder but GIF's does its work between libvips' checks for a stop, so the time budget
(media/iiif/deadline.py) ends it within a fraction of a second. GIF's palette search runs through
(about 1.2 s a megapixel on one core here), so GIF answers are capped at a size it makes in seconds.
"""

from dataclasses import dataclass

from media.iiif.errors import UnknownFormat


@dataclass(frozen=True)
class OutputFormat:
    extension: str
    media_type: str
    saver: str  # the pyvips.Image method that writes it to memory
    transparent: bool  # holds alpha: rotated corners are transparent; otherwise alpha is flattened onto white
    bytes_per_pixel: int  # the encoder's peak memory per output pixel
    bytes_per_pixel_with_alpha: int
    options: tuple[tuple[str, object], ...] = ()  # the saver's fixed options
    takes_quality: bool = False  # the saver's Q is IIIF_JPEG_QUALITY
    max_area: int | None = None  # for an encoder that cannot be stopped once it has started


FORMATS = {
    output.extension: output
    for output in (
        OutputFormat(
            "jpg",
            "image/jpeg",
            "jpegsave_buffer",
            transparent=False,
            takes_quality=True,
            bytes_per_pixel=3,
            bytes_per_pixel_with_alpha=3,
        ),
        OutputFormat(
            "png",
            "image/png",
            "pngsave_buffer",
            transparent=True,
            options=(("compression", 6),),
            bytes_per_pixel=6,
            bytes_per_pixel_with_alpha=8,
        ),
        OutputFormat(
            "webp",
            "image/webp",
            "webpsave_buffer",
            transparent=True,
            takes_quality=True,
            bytes_per_pixel=8,
            bytes_per_pixel_with_alpha=30,
        ),
        OutputFormat(
            "tif",
            "image/tiff",
            "tiffsave_buffer",
            transparent=True,
            options=(("compression", "deflate"),),
            bytes_per_pixel=5,
            bytes_per_pixel_with_alpha=6,
        ),
        OutputFormat(
            "gif",
            "image/gif",
            "gifsave_buffer",
            transparent=True,
            bytes_per_pixel=15,
            bytes_per_pixel_with_alpha=15,
            max_area=4_000_000,
        ),
    )
}
# Every level of the Image API must serve jpg; info.json lists the others as extra formats.
REQUIRED_FORMAT = "jpg"


def output_format(extension: str) -> OutputFormat:
    """The row of `extension`; UnknownFormat (a 400) for anything not in the table."""
    try:
        return FORMATS[extension]
    except KeyError:
        raise UnknownFormat(f"unsupported format {extension[:40]!r}") from None


def extra_formats() -> list[str]:
    return [extension for extension in FORMATS if extension != REQUIRED_FORMAT]


def encoder_bytes_per_pixel(extension: str, rotation: float) -> int:
    output = output_format(extension)
    with_alpha = output.transparent and rotation % 90 != 0
    return output.bytes_per_pixel_with_alpha if with_alpha else output.bytes_per_pixel
