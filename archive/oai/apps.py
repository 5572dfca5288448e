from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OaiConfig(AppConfig):
    name = "archive.oai"
    label = "oai"
    verbose_name = _("Harvesting (OAI-PMH, IIIF Change Discovery)")

    def ready(self):
        from . import signal_handlers

        signal_handlers.register_signal_handlers()
