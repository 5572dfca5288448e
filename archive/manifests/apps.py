from django.apps import AppConfig


class ManifestsConfig(AppConfig):
    name = "archive.manifests"
    label = "manifests"
