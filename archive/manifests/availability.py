"""Which pages have a IIIF document. A Presentation 3 manifest needs at least one canvas, so an item
without images (or an exhibition showing none) has no manifest: it is neither listed nor linked, and
its address answers 404. Every link to a manifest asks here first."""

from django.db.models import Exists, OuterRef, QuerySet

from archive.catalogue.models import ItemImage, ItemPage


def item_has_manifest(item: ItemPage) -> bool:
    return bool(item.ordered_images())


def items_with_manifests(items: QuerySet) -> QuerySet:
    """The items of the queryset that have at least one image, in one query."""
    return items.filter(Exists(ItemImage.objects.filter(item=OuterRef("pk"), image__isnull=False)))


def exhibition_has_manifest(exhibition) -> bool:
    """True when some published item the exhibition shows has an image (its manifest's first canvas)."""
    return any(item_has_manifest(item) for item in exhibition.items())
