from django.apps import AppConfig


class EmbedsConfig(AppConfig):
    name = "archive.embeds"
    label = "embeds"
    verbose_name = "Viewers and embeds"
