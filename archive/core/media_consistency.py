"""Does every stored file have its row, and every row its file? What `manage.py media_check` reports.

Files nothing refers to are what a failed upload left behind before uploads cleaned up after themselves:
originals and renditions without an image row, pyramids of no image's original, spreadsheets of no
pending import, parked uploads. They are removed with --fix. An image row whose original is missing
cannot be mended here: it is reported, with the pages that show it, for someone to upload the file again.
"""

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.core.files.storage import default_storage
from wagtail.models import UploadedFile

from archive.catalogue.models import ItemPage
from archive.imports.models import ImportJob
from archive.imports.retention import purge_stale_uploads
from media.models import DigitizedImage, DigitizedRendition
from media.storage import PYRAMID_FOLDER, discard_pyramid_files, is_remote, pyramid_root

ORIGINALS, RENDITIONS, SPREADSHEETS, PARKED = "original_images", "images", "imports", "wagtail_uploads"


@dataclass
class Report:
    orphan_files: list[str] = field(default_factory=list)
    orphan_pyramids: list[str] = field(default_factory=list)  # checksums
    missing_originals: list[tuple[DigitizedImage, list[str]]] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (self.orphan_files or self.orphan_pyramids or self.missing_originals)


def stored_names(folder: str) -> Iterator[str]:
    """Every file below `folder` of the media storage, local or S3."""
    try:
        folders, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield posixpath.join(folder, name)
    for sub in folders:
        yield from stored_names(posixpath.join(folder, sub))


def stored_pyramids() -> set[str]:
    if is_remote():
        names = stored_names(PYRAMID_FOLDER)
    else:
        root = pyramid_root()
        names = (str(path) for path in root.rglob("*.tif")) if root.exists() else ()
    return {posixpath.basename(name)[: -len(".tif")] for name in names if name.endswith(".tif")}


def check() -> Report:
    report = Report()
    referenced = set(DigitizedImage.objects.values_list("file", flat=True))
    referenced |= set(DigitizedRendition.objects.values_list("file", flat=True))
    referenced |= set(ImportJob.objects.exclude(file="").values_list("file", flat=True))
    referenced |= set(UploadedFile.objects.values_list("file", flat=True))
    for folder in (ORIGINALS, RENDITIONS, SPREADSHEETS, PARKED):
        report.orphan_files += sorted(name for name in stored_names(folder) if name not in referenced)
    checksums = set(DigitizedImage.objects.values_list("checksum", flat=True))
    report.orphan_pyramids = sorted(stored_pyramids() - checksums)
    for image in DigitizedImage.objects.order_by("pk"):
        if not image.file.name or not default_storage.exists(image.file.name):
            pages = ItemPage.objects.filter(images__image=image).values_list("inventory_number", flat=True)
            report.missing_originals.append((image, sorted(set(pages))))
    return report


def fix(report: Report) -> None:
    for name in report.orphan_files:
        default_storage.delete(name)
    for checksum in report.orphan_pyramids:
        discard_pyramid_files(checksum)
    purge_stale_uploads()
