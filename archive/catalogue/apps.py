from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    name = "archive.catalogue"
    label = "catalogue"
    verbose_name = _("Catalogue")

    def ready(self) -> None:
        from . import identifiers, signal_handlers

        identifiers.register_path_converter()
        signal_handlers.register_signal_handlers()
