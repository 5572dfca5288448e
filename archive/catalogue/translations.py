"""An item is one heritage object in two languages: withdrawing its original withdraws it everywhere.

Wagtail treats a page's translations as separate pages, so unpublishing the Lithuanian original of an item
left its English page, permalink, citations, downloads and images public while the manifest and OAI-PMH
already said it was gone. The original (the default language's page) decides: when it stops being live,
its live translations are unpublished too, and the editor's log says who did it.
"""

from wagtail.models import Locale
from wagtail.signals import page_unpublished


def withdraw_translations(sender, instance, **kwargs) -> None:
    from archive.catalogue.models import CollectionPage, ItemPage

    page = instance.specific
    if not isinstance(page, ItemPage | CollectionPage) or page.locale_id != Locale.get_default().pk:
        return
    for translation in page.get_translations().live():
        translation.specific.unpublish(user=kwargs.get("user"), log_action=True)


def connect() -> None:
    page_unpublished.connect(withdraw_translations, dispatch_uid="catalogue-withdraw-translations")
