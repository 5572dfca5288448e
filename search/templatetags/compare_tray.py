"""The compare tray: "Add to compare" on result cards and item pages, and the tray that keeps the chosen items
from page to page (search/static/search/compare-tray.js). Without JavaScript neither shows, and the result
cards' Compare boxes still send their form to /compare/."""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from archive.embeds.views import COMPARE_MAX
from search.presentation import Thumbnail, item_thumbnail

register = template.Library()


def tray_strings() -> dict[str, str]:
    """What the script says, in the page's language; {title}, {count} and {max} are filled in by it."""
    return {
        "add": _("Add to compare"),
        "remove": _("Remove from compare"),
        "removeItem": _("Remove {title} from the comparison"),
        "added": _("Added to the comparison: {title}. {count} of {max}."),
        "removed": _("Removed from the comparison: {title}."),
        "full": _("The comparison holds at most {max} items: remove one first."),
        "count": _("{count} of {max}"),
        "clear": _("Clear"),
        "cleared": _("The comparison is empty."),
    }


@register.inclusion_tag("search/compare_tray.html")
def compare_tray() -> dict:
    return {"max": COMPARE_MAX, "compare_url": reverse("compare"), "strings": tray_strings()}


@register.simple_tag
def compare_attributes(item, thumbnail: Thumbnail | None = None) -> str:
    """The data attributes of the element that gets an item's "Add to compare" button."""
    thumbnail = thumbnail or item_thumbnail(item)
    return format_html(
        ' data-compare-item="{}" data-compare-title="{}" data-compare-lang="{}" data-compare-thumb="{}"',
        item.inventory_number,
        item.title,
        (get_language() or "lt")[:2],
        thumbnail.url if thumbnail else "",
    )
