from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "archive_search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from search.indexing import connect_signals

        connect_signals()
