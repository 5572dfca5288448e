from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "archive_search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from search import signal_handlers

        signal_handlers.register_signal_handlers()
