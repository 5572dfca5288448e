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

RS = "http://rightsstatements.org/vocab/"
CC = "http://creativecommons.org/"


@dataclass(frozen=True)
class DownloadTier:
    sizes: tuple[str, ...]
    reason: str  # why the larger sizes are refused, shown to the visitor


OPEN = DownloadTier(SIZES, "")
REUSE_LIMITED = DownloadTier(
    ("1000", "3000"),
    _(
        "The rights statement limits reuse (for example to non-commercial or educational use), "
        "so the full-size original is not offered for download."
    ),
)
PREVIEW_ONLY = DownloadTier(
    ("1000",),
    _(
        "This item is in copyright or its copyright status is not known, "
        "so only a 1000 px reference copy may be downloaded."
    ),
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
    long_edge: int = 0  # of the file this option gives; 0 when the image's size is not known

    @property
    def label(self) -> str:
        """What the visitor gets: "1000 px", the original's own size when it is smaller than the tier's
        ("2400 px, the original"), or "full size (4000 px)"."""
        if self.size == "full":
            return _("full size (%(pixels)s px)") % {"pixels": self.long_edge} if self.long_edge else _("full size")
        if self.long_edge and self.long_edge < int(self.size):
            return _("%(pixels)s px, the original") % {"pixels": self.long_edge}
        return _("%(pixels)s px") % {"pixels": self.size}


def iiif_size(image: ImageRecord, size: str) -> str:
    """The IIIF 3 size parameter that fits the long edge in `size` px, never upscaling ("max" then)."""
    if size == "full" or not image.width or not image.height:
        return "max"
    limit = int(size)
    long_edge = max(image.width, image.height)
    if long_edge <= limit:
        return "max"
    return f"{max(1, round(image.width * limit / long_edge))},"


def output_long_edge(image: ImageRecord, size: str) -> int:
    long_edge = max(image.width or 0, image.height or 0)
    return long_edge if size == "full" else min(int(size), long_edge)


def every_size(rights: str, image: ImageRecord) -> list[DownloadOption]:
    tier = tier_for(rights)
    return [
        DownloadOption(
            size,
            size in tier.sizes,
            "" if size in tier.sizes else str(tier.reason),
            iiif_size(image, size),
            output_long_edge(image, size),
        )
        for size in SIZES
    ]


def download_options(rights: str, image: ImageRecord) -> list[DownloadOption]:
    """One option per distinct file: a size the original does not reach is the original itself, offered once
    (under the largest size the rights allow), never under a label that promises more pixels."""
    distinct = []
    for option in every_size(rights, image):
        same = next((kept for kept in distinct if option.long_edge and kept.long_edge == option.long_edge), None)
        if same is None:
            distinct.append(option)
        elif option.allowed:
            distinct[distinct.index(same)] = option
    return distinct


def download_option(rights: str, image: ImageRecord, size: str) -> DownloadOption | None:
    """Every size answers at its address, also one not listed because it gives the same file as another."""
    return next((option for option in every_size(rights, image) if option.size == size), None)


def image_url(image: ImageRecord, option: DownloadOption) -> str:
    return f"{image.service_url}/full/{option.iiif_size}/0/default.jpg"


def download_filename(record: ItemRecord, position: int, option: DownloadOption) -> str:
    """e.g. "KLAVB-123_2_1000px_klaipedos-miesto-biblioteka.jpg": inventory, image, the pixels the file really
    has on its long edge (an original smaller than the size asked keeps its own) and attribution."""
    credit = slugify(record.credit_line or settings.ARCHIVE_PROVIDER_NAME)[:80].strip("-")
    size_part = "full" if option.size == "full" else f"{option.long_edge or option.size}px"
    number = re.sub(r"[^A-Za-z0-9._-]+", "-", record.inventory_number) or "item"
    return f"{number}_{position}_{size_part}_{credit}.jpg"
