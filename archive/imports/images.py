"""Matching image files to items by the inventory number in their names, and attaching them as drafts."""

import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from wagtail.models import Locale

from archive.catalogue.models import ItemImage, ItemPage
from media.ingest import IngestError, ingest_image

# "KVB-VIT-001.jpg", "KVB-VIT-001-2.tif", "KVB-VIT-001_2.png": the inventory number, then an optional number.
NAME_PATTERN = re.compile(r"^(?P<stem>[A-Za-z0-9._-]+?)(?:[-_](?P<number>\d{1,3}))?$")


@dataclass
class ImageUploadResult:
    filename: str
    status: str  # attached | unmatched | refused
    inventory_number: str = ""
    item_title: str = ""
    reason: str = ""

    def as_dict(self) -> dict:
        return self.__dict__.copy()


def match_item(filename: str) -> ItemPage | None:
    """The item whose inventory number the file name carries, trying the whole stem first."""
    stem = Path(filename).stem
    candidates = [stem]
    match = NAME_PATTERN.match(stem)
    if match and match.group("number"):
        candidates.append(match.group("stem"))
    originals = ItemPage.objects.filter(locale=Locale.get_default())
    for candidate in candidates:
        item = originals.filter(inventory_number__iexact=candidate).first()
        if item is not None:
            return item
    return None


def attach_upload(upload: UploadedFile, user) -> ImageUploadResult:
    """Ingest one uploaded file and add it to its item's draft in every language (editors publish it)."""
    name = Path(upload.name).name
    item = match_item(name)
    if item is None:
        return ImageUploadResult(name, "unmatched", reason="no item has the inventory number in this file name")
    with tempfile.TemporaryDirectory(prefix="archive-upload-") as folder:
        path = Path(folder) / safe_name(name)
        with path.open("wb") as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
        try:
            image = ingest_image(path, identifier=path.stem.lower(), title=path.stem)
        except IngestError as error:
            return ImageUploadResult(name, "refused", item.inventory_number, item.title, error.reason)
    with transaction.atomic():
        for page in [item, *[translation.specific for translation in item.get_translations()]]:
            add_image_to_draft(page.get_latest_revision_as_object(), image, user)
    return ImageUploadResult(name, "attached", item.inventory_number, item.title)


def add_image_to_draft(page: ItemPage, image, user) -> None:
    if any(link.image_id == image.pk for link in page.images.all()):
        return
    links = list(page.images.all())
    links.append(ItemImage(image=image, alt_text=page.title, sort_order=len(links)))
    page.images = links
    page.save_revision(user=user, log_action=True)


def safe_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "_", name)[:200] or "upload"
