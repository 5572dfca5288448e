"""Template filters asking whether a page has a IIIF manifest, so no page links to one that answers 404."""

from django import template

from archive.manifests.availability import exhibition_has_manifest, item_has_manifest

register = template.Library()


@register.filter
def has_item_manifest(item) -> bool:
    return item_has_manifest(item)


@register.filter
def has_exhibition_manifest(exhibition) -> bool:
    return exhibition_has_manifest(exhibition)
