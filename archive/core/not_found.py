"""Reasons for a 404 that several views give, in the visitor's language (the 404 page shows them)."""

from django.http import Http404
from django.utils.translation import gettext as _


def no_published_item(inventory_number: str) -> Http404:
    return Http404(_("No published item has the inventory number %(number)s.") % {"number": inventory_number})
