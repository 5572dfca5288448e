"""Matching image files to items by the inventory number in their names, and attaching them as drafts."""

import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext
from wagtail.models import Locale

from archive.catalogue.identifiers import INVENTORY_PATTERN
from archive.catalogue.models import ItemImage, ItemPage
from media.ingest import IngestError, free_identifier, ingest_image
from media.models import DigitizedImage

# "KVB-VIT-001.jpg", "KVB-VIT-001-2.tif", "KVB-VIT-001_2.png": the inventory number, then an optional number.
NAME_PATTERN = re.compile(rf"^(?P<stem>{INVENTORY_PATTERN}?)(?:[-_](?P<number>\d{{1,3}}))?$")


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
    """Ingest one uploaded file and put it in its item's draft in every language.

    The live page is never touched: the image goes into a new revision (in place of the image the file
    name numbers, e.g. "-2", or added after the others), and a curator's revision is submitted to the
    workflow for approval. An identifier already taken by another image gets a suffix instead of
    replacing that image. If the draft cannot be saved, the new image and its file are removed again.
    """
    name = Path(upload.name).name
    item = match_item(name)
    if item is None:
        reason = gettext("no item has the inventory number in this file name")
        return ImageUploadResult(name, "unmatched", reason=reason)
    with tempfile.TemporaryDirectory(prefix="archive-upload-") as folder:
        path = Path(folder) / safe_name(name)
        with path.open("wb") as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
        try:
            identifier = free_identifier(path.stem.lower(), path)
            existed = DigitizedImage.objects.filter(iiif_identifier=identifier).exists()
            image = ingest_image(path, identifier=identifier, title=path.stem)
        except IngestError as error:
            return ImageUploadResult(name, "refused", item.inventory_number, item.title, error.reason)
    try:
        with transaction.atomic():
            for page in [item, *[translation.specific for translation in item.get_translations()]]:
                put_in_draft(page, image, image_number(name, item), user)
    except BaseException:
        if not existed:
            image.delete()  # Wagtail removes its file once the transaction is over
        raise
    return ImageUploadResult(name, "attached", item.inventory_number, item.title)


def image_number(filename: str, item: ItemPage) -> int | None:
    """The number after the inventory number ("KVB-VIT-001-2.jpg" is image 2), if the name has one."""
    match = NAME_PATTERN.match(Path(filename).stem)
    if match and match.group("number") and match.group("stem").lower() == item.inventory_number.lower():
        return int(match.group("number"))
    return None


def put_in_draft(page: ItemPage, image, number: int | None, user) -> None:
    draft = page.get_latest_revision_as_object()
    links = list(draft.images.all())
    if any(link.image_id == image.pk for link in links):
        return
    if number is not None and 1 <= number <= len(links):
        replaced = links[number - 1]
        links[number - 1] = ItemImage(
            image=image,
            alt_text=replaced.alt_text,
            caption=replaced.caption,
            view=replaced.view,
            sort_order=replaced.sort_order,
        )
    else:
        links.append(ItemImage(image=image, alt_text=draft.title, sort_order=len(links)))
    draft.images = links
    revision = draft.save_revision(user=user, log_action=True)
    submit_for_approval(page, revision, user)


def submit_for_approval(page: ItemPage, revision, user) -> None:
    """A user who may not publish sends the change to the editors, as the editor's "Submit" would."""
    if page.permissions_for_user(user).can_publish():
        return
    workflow = page.get_workflow()
    if workflow is None or page.workflow_in_progress:
        return
    workflow.start(page, user)


def safe_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "_", name)[:200] or "upload"
