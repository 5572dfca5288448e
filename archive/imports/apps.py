from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    name = "archive.imports"
    label = "imports"
    verbose_name = _("Imports")

    def ready(self) -> None:
        from . import signal_handlers

        signal_handlers.register_signal_handlers()
