"""Template tags that put the viewer, the then/now slider and the embed code on catalogue pages."""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html

from archive.embeds.deeplinks import DeepLinkError
from archive.embeds.viewers import initial_info, requested_view, responsive_snippet, then_now_config, viewer_config

register = template.Library()


def page_view(context, item):
    """The view a deep link in the page's query asks for; None without one, or for a broken one (ignored)."""
    request = context.get("request")
    try:
        return requested_view(item, request.GET) if request else None
    except DeepLinkError:
        return None


@register.inclusion_tag("embeds/includes/viewer.html", takes_context=True)
def item_viewer(context, item) -> dict:
    """The item's viewer; a deep link in the page's query opens it on that view."""
    return {"viewer": viewer_config(item, page_view(context, item))}


@register.inclusion_tag("embeds/includes/then_now.html")
def then_now(item) -> dict:
    return {"then_now": then_now_config(item), "item": item}


@register.inclusion_tag("embeds/includes/embed_snippet.html")
def embed_snippet(item) -> dict:
    return {"item": item, "snippet": responsive_snippet(item)}


@register.inclusion_tag("embeds/includes/viewer_assets.html", takes_context=True)
def viewer_assets(context, item=None) -> dict:
    """The viewer's script and style; given the item, the info.json its viewer opens first is preloaded, so it
    arrives while the page loads (OpenSeadragon asks for it only once the deferred scripts have run)."""
    return {"preload": initial_info(item, page_view(context, item)) if item else None}


@register.simple_tag(takes_context=True)
def oembed_link(context, item) -> str:
    request = context.get("request")
    page_url = item.get_full_url(request) if request else ""
    if not page_url:
        return ""
    query = template.defaultfilters.urlencode(page_url, safe="")
    return format_html(
        '<link rel="alternate" type="application/json+oembed" href="{}{}?url={}&amp;format=json" title="{}">',
        settings.PUBLIC_BASE_URL,
        reverse("oembed"),
        query,
        item.title,
    )
