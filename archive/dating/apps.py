from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DatingConfig(AppConfig):
    name = "archive.dating"
    label = "dating"
    verbose_name = _("Historical dates")
