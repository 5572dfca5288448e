"""Language maps: the Lithuanian original of a page and its English translation, side by side."""

from collections.abc import Callable

from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Page

LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)


def translations(page: Page) -> dict[str, Page]:
    """The live page in each language, keyed by language code; the original is always present."""
    found = {page.locale.language_code: page}
    for other in page.get_translations().live().filter(locale__in=Locale.objects.filter(language_code__in=LANGUAGES)):
        found.setdefault(other.locale.language_code, other.specific)
    return found


def language_map(pages: dict[str, Page], value: Callable[[Page], str | list[str]]) -> dict[str, list[str]]:
    """{"lt": [...], "en": [...]} from a value taken from each translation; empty values are left out.

    Each value is computed in its own language (terms' labels, role names), never in the request's."""
    result = {}
    for code in LANGUAGES:
        if code not in pages:
            continue
        with translation.override(code):
            text = value(pages[code])
        texts = [t for t in (text if isinstance(text, list) else [text]) if t]
        if texts:
            result[code] = texts
    return result or {"none": [""]}


def fixed(lt: str, en: str) -> dict[str, list[str]]:
    return {"lt": [lt], "en": [en]}


def translated(text: str) -> dict[str, list[str]]:
    """A label in each language from the translations (a gettext_lazy text), as fixed() spells it out."""
    result = {}
    for code in LANGUAGES:
        with translation.override(code):
            result[code] = [str(text)]
    return result
