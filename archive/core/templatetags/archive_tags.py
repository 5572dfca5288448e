"""Template helpers: language links for the current page and query strings that keep the other filters."""

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import override as override_language
from wagtail.models import Page

from media.addresses import image_url

register = template.Library()


@register.filter
def language_links(page: Page | None, request) -> list[tuple[str, str, str]]:
    """(code, name in its own language, URL) for each site language; the page's translation where it exists."""
    current = get_language() or settings.LANGUAGE_CODE
    links = []
    for code, _name in settings.LANGUAGES:
        with override_language(code):
            url = translated_url(page, request, code, current)
        links.append((code, NATIVE_NAMES.get(code, code), url))
    return links


NATIVE_NAMES = {"lt": "Lietuvių", "en": "English"}


def translated_url(page: Page | None, request, code: str, current: str) -> str:
    if page is not None and getattr(page, "pk", None):
        translation = page.get_translation_or_none(locale=locale_for(code))
        if translation is not None and translation.live:
            return translation.get_url(request) or "/"
    path = request.path if request is not None else "/"
    return swap_language_prefix(path, code, current)


def locale_for(code: str):
    from wagtail.models import Locale

    return Locale.objects.filter(language_code=code).first()


def swap_language_prefix(path: str, code: str, current: str) -> str:
    if current != settings.LANGUAGE_CODE and path.startswith(f"/{current}/"):
        path = path[len(current) + 1 :]
    return path if code == settings.LANGUAGE_CODE else f"/{code}{path}"


@register.simple_tag
def query_with(request, **changes) -> str:
    """The current query string with some parameters replaced, so pagination keeps sort and filters."""
    query = request.GET.copy()
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()


@register.simple_tag
def iiif_url(image, region: str = "full", size: str = "max", quality: str = "default", fmt: str = "jpg") -> str:
    """A URL on our IIIF Image API 3.0 for a digitized image (media/addresses.py), e.g. a detail: region
    "x,y,w,h", size "!800,800".

    A "!w,h" box larger than the region in both directions becomes "max": Image API 3.0 answers 400 to a
    box that would upscale without "^", so a small detail would otherwise be a broken image."""
    region = region or "full"
    return image_url(image.iiif_identifier, region, fitting_size(image, region, size), quality, fmt)


def fitting_size(image, region: str, size: str) -> str:
    if not size.startswith("!"):
        return size
    try:
        box_width, box_height = (int(part) for part in size[1:].split(","))
        if region == "full":
            width, height = image.width, image.height
        else:
            _x, _y, width, height = (int(part) for part in region.split(","))
    except (TypeError, ValueError):
        return size
    return "max" if width <= box_width and height <= box_height else size


@register.filter
def is_public_page(page) -> bool:
    """True for a published page without view restrictions: what anonymous visitors may be shown."""
    return bool(page) and page.live and not page.get_view_restrictions().exists()


@register.simple_tag
def iiif_fit(image, box: int) -> str:
    """The whole image scaled to fit a box, from its pyramid; never larger than the image (no upscaling)."""
    return iiif_url(image, "full", f"!{box},{box}")


@register.filter
def in_visitors_language(page):
    """The page's published translation in the language of the request, else the page itself: an
    exhibition's blocks point at the original items, which an English story should show in English."""
    if not page:
        return page
    translated = page.localized
    return translated.specific if translated.live else page


@register.filter
def lang_attr(page) -> str:
    """` lang="lt"` on text of a page in another language than the request's (WCAG 3.1.2), else ""."""
    code = getattr(getattr(page, "locale", None), "language_code", "")
    if not code or code == get_language():
        return ""
    return format_html(' lang="{}"', code)
