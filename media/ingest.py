"""Bringing an image file into the archive: verify it, keep the original, schedule its pyramid.

The collections loader, the `ingest_image` command and tests call `ingest_image`; the admin goes
through `media.forms`, which uses the same verification.
"""

import logging
import re
from pathlib import Path

from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.utils.file import hash_filelike

from media.models import IIIF_IDENTIFIER_PATTERN, DigitizedImage
from media.signal_handlers import discard_pyramid
from media.storage import is_storage_failure, storage_errors
from media.verification import IngestError, VerifiedImage, sha256_of, verify_image

__all__ = ["IngestError", "VerifiedImage", "free_identifier", "ingest_image", "verify_image"]
logger = logging.getLogger(__name__)


def ingest_image(
    source: Path, *, identifier: str, title: str, is_public: bool = False, replace: bool = False
) -> DigitizedImage:
    """Store `source` as the image `identifier`, or return the existing one if it has the same bytes.

    A refused file raises IngestError and leaves neither a record nor a file behind. A different file
    under an existing identifier is refused unless `replace` asks to replace that image's original
    everywhere it is shown, published pages included (the seed loader, `ingest_image --replace`).
    """
    source = Path(source)
    check_identifier(identifier)
    verified = verify_image(source)
    existing = DigitizedImage.objects.filter(iiif_identifier=identifier).first()
    if existing is not None and existing.checksum == verified.checksum:
        return existing
    if existing is not None and not replace:
        raise IngestError(
            _(
                "The identifier “%(identifier)s” already belongs to another image. Choose another identifier, "
                "or replace that image's file on purpose."
            )
            % {"identifier": identifier}
        )
    image = existing or DigitizedImage(iiif_identifier=identifier)
    previous_file = image.file.name if existing else ""
    previous_checksum = image.checksum if existing else ""
    image.title = title
    image.is_public = is_public
    _store(image, verified)
    if previous_file and previous_file != image.file.name:
        image.file.storage.delete(previous_file)
        image.renditions.all().delete()
    discard_pyramid(previous_checksum)
    return image


def free_identifier(wanted: str, source: Path) -> str:
    """`wanted`, unless another image has it: then `wanted` with the start of this file's checksum, so a
    new file never takes over an image that pages already show."""
    existing = DigitizedImage.objects.filter(iiif_identifier=wanted).values_list("checksum", flat=True).first()
    if existing is None:
        return wanted
    checksum = sha256_of(source)
    return wanted if existing == checksum else f"{wanted}-{checksum[:8]}"


def check_identifier(identifier: str) -> None:
    if not re.match(IIIF_IDENTIFIER_PATTERN, identifier or ""):
        raise IngestError(
            _("“%(identifier)s” is not a usable IIIF identifier: use letters, digits and . _ ~ + : - only.")
            % {"identifier": identifier}
        )


def _store(image: DigitizedImage, verified: VerifiedImage) -> None:
    """Save the original through Wagtail's file field; undo the file if the record cannot be saved.

    An unreachable media storage becomes an IngestError: nothing is kept, neither record nor object.
    """
    stored_name = ""
    try:
        with transaction.atomic(), open(verified.path, "rb") as handle:
            # Wagtail's metadata, read from the local file: reading it back would download it again.
            image.file_size = verified.size_bytes
            image.file_hash = hash_filelike(handle)
            handle.seek(0)
            image.file.save(verified.path.name, File(handle), save=False)
            stored_name = image.file.name
            image.width, image.height = verified.width, verified.height
            image.checksum = verified.checksum
            image.save()
        # The pyramid task saved its outcome through its own copy of the record.
        image.refresh_from_db(fields=["pyramid_status", "pyramid_error", "pyramid_checksum"])
    except BaseException as error:
        _undo_upload(image, stored_name)
        if not is_storage_failure(error):
            raise
        # Only a real storage failure says "try again": a file that cannot be read is no storage fault.
        logger.warning("media storage failed while storing %s", verified.path, exc_info=True)
        raise IngestError(
            _("The media storage is not reachable, so %(name)s was not saved. Try again in a few minutes.")
            % {"name": verified.path.name}
        ) from error


def _undo_upload(image: DigitizedImage, stored_name: str) -> None:
    if not stored_name:
        return
    try:
        image.file.storage.delete(stored_name)
    except storage_errors():
        logger.error("could not remove %s after a failed save: remove it by hand", stored_name, exc_info=True)
