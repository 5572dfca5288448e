"""Signals are wired one way: each app's `signal_handlers.register_signal_handlers()`, called from its
AppConfig.ready() (as wagtail's images app does). Every receiver is connected once, a second ready()
connects nothing more, and publishing an item indexes it, logs one OAI change and places public tiles once."""

import importlib
import importlib.util
import weakref
from collections import Counter

import pytest
from django.apps import apps
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from archive.oai.models import ItemChange
from media import signal_handlers as media_handlers
from search import indexing
from search.models import IndexChange
from tests.factories import make_image, make_item

SIGNALS = {
    "post_save": post_save,
    "post_delete": post_delete,
    "page_published": page_published,
    "page_unpublished": page_unpublished,
    "post_page_move": post_page_move,
}
PROJECT = ("archive.", "media.", "search.")


def project_receivers() -> Counter:
    """(signal, receiver, sender id) of this project's receivers, counted."""
    found = Counter()
    for name, signal in SIGNALS.items():
        for (_uid, sender), receiver, _is_async in signal.receivers:
            function = receiver() if isinstance(receiver, weakref.ReferenceType) else receiver
            module = getattr(function, "__module__", "")
            if module.startswith(PROJECT):
                found[(name, f"{module}.{function.__qualname__}", sender)] += 1
    return found


def project_apps():
    return [config for config in apps.get_app_configs() if config.name.startswith(("archive", "media", "search"))]


def test_every_app_that_listens_wires_its_receivers_in_signal_handlers():
    listening = {key[1].split(".signal_handlers.")[0] for key in project_receivers() if ".signal_handlers." in key[1]}
    for config in project_apps():
        try:
            module = importlib.import_module(f"{config.name}.signal_handlers")
        except ModuleNotFoundError:
            continue
        assert callable(module.register_signal_handlers), config.name
    owners = {
        config.name
        for config in project_apps()
        if importlib.util.find_spec(f"{config.name}.signal_handlers") is not None
    }
    assert {"media", "search", "archive.oai", "archive.catalogue", "archive.imports"} <= owners
    assert listening <= owners


def test_no_other_module_connects_receivers():
    """A `connect()` or `connect_signals()` elsewhere would be a second way (and a chance to connect twice)."""
    for config in project_apps():
        for name in ("signals", "indexing", "translations", "retention", "apps"):
            spec = importlib.util.find_spec(f"{config.name}.{name}")
            if spec is None:
                continue
            module = importlib.import_module(f"{config.name}.{name}")
            assert not hasattr(module, "connect") and not hasattr(module, "connect_signals"), module.__name__
            if name != "apps":
                assert ".connect(" not in spec.loader.get_source(spec.name), spec.name


def test_each_receiver_is_connected_once_and_ready_again_adds_none():
    before = project_receivers()
    assert before and set(before.values()) == {1}
    for config in project_apps():
        config.ready()
    assert project_receivers() == before


@pytest.mark.django_db
def test_publishing_indexes_logs_and_places_tiles_once(collection, django_capture_on_commit_callbacks):
    for config in project_apps():
        config.ready()  # a second wiring must not double anything below
    item = make_item(collection, live=False, inventory_number="KVB-SIG-001", images=[make_image()])
    changes = ItemChange.objects.count()
    with django_capture_on_commit_callbacks() as callbacks:
        item.save_revision().publish()
    assert ItemChange.objects.count() == changes + 1
    assert IndexChange.objects.filter(page_id=item.pk, synced=False).count() == 1
    queued = Counter(callback.__name__ for callback in callbacks)
    assert queued[media_handlers.queue_public_tiles_sync.__name__] == 1
    assert queued[indexing.enqueue_sync.__name__] >= 1
