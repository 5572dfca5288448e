"""Checks an incoming file before the archive keeps it: is it a whole, still, reasonably sized image?

Reasons are shown to editors in the admin and to operators by the loader, so they are translated.
"""

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pyvips
from django.conf import settings
from django.utils.translation import gettext as _

from media.image_policy import ACCEPTED_FORMATS
from media.pyramid import QUARTER_TURN_ORIENTATIONS, orientation_of, streamed, to_srgb

# JPEGs are checked at 1/8 scale: the whole entropy-coded stream is still read (so a cut-off file is
# caught) but the inverse DCT is eight times cheaper, which keeps a 70-megapixel scan well under a second.
JPEG_CHECK_SHRINK = 8
HASH_CHUNK = 1024 * 1024


class IngestError(Exception):
    """A file the archive refuses, with the reason in words an editor understands."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class VerifiedImage:
    path: Path
    width: int
    height: int
    checksum: str
    file_format: str
    size_bytes: int


def verify_image(source: Path, *, name: str | None = None) -> VerifiedImage:
    """Open the file with libvips and decode every pixel once; raise IngestError for what we refuse.

    `name` is how reasons refer to the file when `source` is a temporary copy of an upload.
    """
    source = Path(source)
    name = name or source.name
    size = _size_of(source, name)
    header = _open(source, name)
    loader = header.get("vips-loader")
    if loader not in ACCEPTED_FORMATS:
        # libvips would also read CSV, matrices and raw dumps, which are no images to an archive.
        raise IngestError(
            _("%(name)s is not a supported image format. Accepted: %(formats)s.")
            % {"name": name, "formats": ", ".join(image_format.label for image_format in ACCEPTED_FORMATS.values())}
        )
    _check_pixels(header, name)
    _check_still(header, loader, name)
    _decode_everything(source, loader, name)
    width, height = header.width, header.height
    if orientation_of(header) in QUARTER_TURN_ORIENTATIONS:
        width, height = height, width
    return VerifiedImage(
        path=source,
        width=width,
        height=height,
        checksum=sha256_of(source),
        file_format=ACCEPTED_FORMATS[loader].label,
        size_bytes=size,
    )


def sha256_of(source: Path) -> str:
    digest = hashlib.sha256()
    with open(source, "rb") as handle:
        while chunk := handle.read(HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _size_of(source: Path, name: str) -> int:
    if not source.is_file():
        raise IngestError(_("%(name)s does not exist or is not a file.") % {"name": name})
    size = source.stat().st_size
    if size == 0:
        raise IngestError(_("%(name)s is empty.") % {"name": name})
    return size


def _open(source: Path, name: str) -> pyvips.Image:
    try:
        return pyvips.Image.new_from_file(str(source))
    except pyvips.Error:
        raise IngestError(_("%(name)s is not an image that can be read.") % {"name": name}) from None


def _check_pixels(header: pyvips.Image, name: str) -> None:
    pixels = header.width * header.height
    limit = settings.IIIF_MAX_SOURCE_PIXELS
    if pixels > limit:
        raise IngestError(
            _("%(name)s has %(pixels)s pixels, more than the limit of %(limit)s.")
            % {"name": name, "pixels": f"{pixels:,}", "limit": f"{limit:,}"}
        )


def _check_still(header: pyvips.Image, loader: str, name: str) -> None:
    pages = header.get("n-pages") if header.get_typeof("n-pages") else 1
    if ACCEPTED_FORMATS[loader].may_be_animated and pages > 1:
        raise IngestError(_("%(name)s is animated; only still images are accepted.") % {"name": name})


def _decode_everything(source: Path, loader: str, name: str) -> None:
    """Decode the whole file through the same colour conversion the pyramid will use, streamed (not
    mapped) so that checking a gigapixel scan does not hold the file in memory."""
    options = {"access": "sequential", "fail_on": "truncated"}
    if loader == "jpegload":
        options["shrink"] = JPEG_CHECK_SHRINK
    try:
        with streamed(source, **options) as image:
            to_srgb(image).avg()
    except pyvips.Error:
        raise IngestError(_("%(name)s is damaged or incomplete and cannot be decoded.") % {"name": name}) from None
