"""How ready an item is for Europeana: missing mandatory EDM data, and the content tier it reaches.

Tiers for images follow the Europeana Publishing Framework: tier 1 needs an image of 0.1 megapixel,
tier 2 one of 0.42 MP (any rights statement), tier 3 one of 0.95 MP with a statement that allows reuse,
tier 4 the same with an open licence.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext_lazy as _

OPEN_LICENCES = frozenset(
    {
        "http://creativecommons.org/publicdomain/mark/1.0/",
        "http://creativecommons.org/publicdomain/zero/1.0/",
        "http://creativecommons.org/licenses/by/4.0/",
        "http://creativecommons.org/licenses/by-sa/4.0/",
    }
)
REUSE_STATEMENTS = frozenset(
    {
        "http://creativecommons.org/licenses/by-nc/4.0/",
        "http://creativecommons.org/licenses/by-nd/4.0/",
        "http://creativecommons.org/licenses/by-nc-sa/4.0/",
        "http://creativecommons.org/licenses/by-nc-nd/4.0/",
        "http://rightsstatements.org/vocab/NoC-NC/1.0/",
        "http://rightsstatements.org/vocab/NoC-OKLR/1.0/",
        "http://rightsstatements.org/vocab/InC-EDU/1.0/",
    }
)
# Every statement Europeana accepts in edm:rights; "Copyright Undetermined" is not one of them.
EUROPEANA_RIGHTS = (
    OPEN_LICENCES
    | REUSE_STATEMENTS
    | frozenset(
        {
            "http://rightsstatements.org/vocab/InC/1.0/",
            "http://rightsstatements.org/vocab/InC-OW-EU/1.0/",
            "http://rightsstatements.org/vocab/CNE/1.0/",
        }
    )
)
TIER_MEGAPIXELS = ((3, 0.95), (2, 0.42), (1, 0.1))


@dataclass
class Readiness:
    tier: int
    megapixels: float
    missing: list[str] = field(default_factory=list)
    advice: list[str] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        return not self.missing


def content_tier(megapixels: float, rights: str) -> int:
    tier = next((tier for tier, needed in TIER_MEGAPIXELS if megapixels >= needed), 0)
    if tier == 3 and rights in OPEN_LICENCES:
        return 4
    if tier == 3 and rights not in REUSE_STATEMENTS:
        return 2
    return tier


def largest_megapixels(images) -> float:
    return max((image.width * image.height for image in images), default=0) / 1_000_000


def readiness(item) -> Readiness:
    """Check one item page; `item.ordered_images()` gives its image links."""
    images = [link.image for link in item.ordered_images()]
    megapixels = largest_megapixels(images)
    result = Readiness(
        tier=content_tier(megapixels, item.rights) if item.rights in EUROPEANA_RIGHTS else 0,
        megapixels=round(megapixels, 2),
    )
    if not item.title:
        result.missing.append(_("a title (dc:title)"))
    if item.rights not in EUROPEANA_RIGHTS:
        result.missing.append(_("a rights statement Europeana accepts (edm:rights)"))
    if not images:
        result.missing.append(_("an image to show (edm:isShownBy)"))
    elif megapixels < 0.1:
        result.missing.append(_("an image of at least 0.1 megapixel"))
    if not settings.EDM_DATA_PROVIDER or not settings.EDM_PROVIDER:
        result.missing.append(_("the data provider and provider names (settings EDM_DATA_PROVIDER, EDM_PROVIDER)"))
    if not item.description:
        result.advice.append(_("a description helps people find the item"))
    if item.year_earliest is None:
        result.advice.append(_("a date range (dcterms:created) lets Europeana place the item in time"))
    if images and megapixels < 0.95:
        result.advice.append(_("an image of at least 0.95 megapixel reaches tier 3"))
    return result
