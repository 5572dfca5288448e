"""Every save or delete of an indexed page is recorded for the search index (search.indexing); wired by
register_signal_handlers()."""

from django.db.models.signals import post_delete, post_save

from search.indexing import INDEXED_MODELS, record_changes


def page_saved(sender, instance, raw: bool = False, **kwargs) -> None:
    if not raw:
        record_changes([instance.pk])


def page_deleted(sender, instance, **kwargs) -> None:
    record_changes([instance.pk])


def register_signal_handlers() -> None:
    """Called once from SearchConfig.ready()."""
    # post_save covers publish, unpublish and plain edits: each saves the page with its new `live`.
    for model in INDEXED_MODELS:
        post_save.connect(page_saved, sender=model, dispatch_uid=f"search-saved-{model.__name__}")
        post_delete.connect(page_deleted, sender=model, dispatch_uid=f"search-deleted-{model.__name__}")
