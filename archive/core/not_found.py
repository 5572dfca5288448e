"""Reasons for a 404 that several views give, in the visitor's language (the 404 page shows them)."""

from django.http import Http404
from django.utils.translation import gettext as _


def no_published_item(inventory_number: str) -> Http404:
    return Http404(_("No published item has the inventory number %(number)s.") % {"number": inventory_number})


def no_images_no_manifest(inventory_number: str) -> Http404:
    """A IIIF manifest needs at least one canvas: an item without images has none."""
    return Http404(
        _("The item %(number)s has no digitized images yet, so it has no IIIF manifest.") % {"number": inventory_number}
    )
