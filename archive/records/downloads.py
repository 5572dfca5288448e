"""Which image sizes an item's rights statement lets visitors download, and the file each size becomes.

The policy table (DOWNLOAD_TIERS) is the one place to change what a licence allows; the view, the cite
panel and the tests all ask `download_options()`.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from .record import ImageRecord, ItemRecord

SIZES = ("1000", "3000", "full")
SIZE_LABELS = {"1000": _("1000 px"), "3000": _("3000 px"), "full": _("full size")}

RS = "http://rightsstatements.org/vocab/"
CC = "http://creativecommons.org/"


@dataclass(frozen=True)
class DownloadTier:
    sizes: tuple[str, ...]
    reason: str  # why the larger sizes are refused, shown to the visitor


OPEN = DownloadTier(SIZES, "")
REUSE_LIMITED = DownloadTier(
    ("1000", "3000"),
    _("The rights statement limits reuse (for example to non-commercial or educational use), "
      "so the full-size original is not offered for download."),
)
PREVIEW_ONLY = DownloadTier(
    ("1000",),
    _("This item is in copyright or its copyright status is not known, "
      "so only a 1000 px reference copy may be downloaded."),
)

DOWNLOAD_TIERS: dict[str, DownloadTier] = {
    f"{CC}publicdomain/zero/1.0/": OPEN,
    f"{CC}publicdomain/mark/1.0/": OPEN,
    f"{CC}licenses/by/4.0/": OPEN,
    f"{CC}licenses/by-sa/4.0/": OPEN,
    f"{RS}NoC-NC/1.0/": OPEN,
    f"{RS}NoC-OKLR/1.0/": REUSE_LIMITED,
    f"{CC}licenses/by-nc/4.0/": REUSE_LIMITED,
    f"{CC}licenses/by-nc-sa/4.0/": REUSE_LIMITED,
    f"{CC}licenses/by-nd/4.0/": REUSE_LIMITED,
    f"{CC}licenses/by-nc-nd/4.0/": REUSE_LIMITED,
    f"{RS}InC-EDU/1.0/": REUSE_LIMITED,
    f"{RS}InC-NC/1.0/": REUSE_LIMITED,
    f"{RS}InC/1.0/": PREVIEW_ONLY,
    f"{RS}InC-OW-EU/1.0/": PREVIEW_ONLY,
    f"{RS}CNE/1.0/": PREVIEW_ONLY,
    f"{RS}UND/1.0/": PREVIEW_ONLY,
}


def tier_for(rights: str) -> DownloadTier:
    # A statement missing from the table gets the most careful answer.
    return DOWNLOAD_TIERS.get(rights, PREVIEW_ONLY)


@dataclass(frozen=True)
class DownloadOption:
    size: str
    allowed: bool
    reason: str
    iiif_size: str

    @property
    def label(self) -> str:
        return str(SIZE_LABELS[self.size])


def iiif_size(image: ImageRecord, size: str) -> str:
    """The IIIF 3 size parameter that fits the long edge in `size` px, never upscaling ("max" then)."""
    if size == "full" or not image.width or not image.height:
        return "max"
    limit = int(size)
    long_edge = max(image.width, image.height)
    if long_edge <= limit:
        return "max"
    return f"{max(1, round(image.width * limit / long_edge))},"


def download_options(rights: str, image: ImageRecord) -> list[DownloadOption]:
    tier = tier_for(rights)
    return [DownloadOption(size, size in tier.sizes, "" if size in tier.sizes else str(tier.reason),
                           iiif_size(image, size)) for size in SIZES]


def download_option(rights: str, image: ImageRecord, size: str) -> DownloadOption | None:
    return next((option for option in download_options(rights, image) if option.size == size), None)


def image_url(image: ImageRecord, option: DownloadOption) -> str:
    return f"{image.service_url}/full/{option.iiif_size}/0/default.jpg"


def download_filename(record: ItemRecord, position: int, size: str) -> str:
    """e.g. "KLAVB-123_2_1000px_klaipedos-miesto-biblioteka.jpg": inventory, image, size and attribution."""
    credit = slugify(record.credit_line or settings.ARCHIVE_PROVIDER_NAME)[:80].strip("-")
    size_part = "full" if size == "full" else f"{size}px"
    number = re.sub(r"[^A-Za-z0-9._-]+", "-", record.inventory_number) or "item"
    return f"{number}_{position}_{size_part}_{credit}.jpg"
