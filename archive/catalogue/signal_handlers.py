"""The catalogue's receivers: translations follow their original's publishing (catalogue.translations)."""

from wagtail.signals import page_published, page_unpublished

from .translations import restore_translations, withdraw_translations


def register_signal_handlers() -> None:
    """Called once from CatalogueConfig.ready()."""
    page_unpublished.connect(withdraw_translations, dispatch_uid="catalogue-withdraw-translations")
    page_published.connect(restore_translations, dispatch_uid="catalogue-restore-translations")
