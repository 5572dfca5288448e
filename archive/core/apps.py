from django.apps import AppConfig
from django.core.checks import register


class CoreConfig(AppConfig):
    name = "archive.core"
    label = "core"

    def ready(self) -> None:
        from archive.core import checks, index_updates

        register(checks.metrics_allowed_ips, "security")
        # These reach the services, so they run with `check --deploy` only.
        register(checks.media_storage, "media", deploy=True)
        register(checks.search_cluster, "search", deploy=True)
        index_updates.install()  # one task per transaction for Wagtail's reference and search indexes
