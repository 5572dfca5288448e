"""Wagtail's publish/unpublish and Django's delete feed the change log; wired by register_signal_handlers()."""

from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished

from archive.catalogue.models import ItemPage

from . import tracking


def on_published(sender, instance, **kwargs):
    if isinstance(instance, ItemPage):
        tracking.page_published(instance)


def on_unpublished(sender, instance, **kwargs):
    if isinstance(instance, ItemPage):
        tracking.page_withdrawn(instance)


def on_deleted(sender, instance, **kwargs):
    tracking.page_deleted(instance)


def register_signal_handlers() -> None:
    """Called once from OaiConfig.ready()."""
    page_published.connect(on_published, dispatch_uid="oai-item-published")
    page_unpublished.connect(on_unpublished, dispatch_uid="oai-item-unpublished")
    post_delete.connect(on_deleted, sender=ItemPage, dispatch_uid="oai-item-deleted")
