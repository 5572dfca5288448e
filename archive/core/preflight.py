"""What an upgrade (or a restore) still has to do, found without changing anything: `manage.py preflight`.

Each check answers with the work it found and the command that does it; the checks are in the order of an
upgrade: migrations, then the search index, static files, and the images and tasks still waiting.
"""

import filecmp
from collections import Counter
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from media.models import DigitizedImage, PyramidStatus
from search.backends import get_catalogue_backend
from search.results import SearchUnavailable

SHOWN = 10  # names listed per finding; the rest are counted


@dataclass
class Finding:
    topic: str
    summary: str
    step: str = ""  # the command that does the work; empty when nothing needs doing
    names: list[str] = field(default_factory=list)

    @property
    def needed(self) -> bool:
        return bool(self.step)


def unapplied_migrations() -> list[str]:
    """app.migration names `migrate` would apply, in order (all of them on a database never migrated)."""
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


def check_migrations() -> Finding:
    names = unapplied_migrations()
    if not names:
        return Finding("migrations", "all applied")
    return Finding("migrations", f"{len(names)} to apply", "manage.py migrate", names)


def check_search() -> Finding:
    backend = get_catalogue_backend()
    try:
        reason = backend.reindex_reason()
    except SearchUnavailable as error:
        return Finding("search", f"cannot tell: {error}", "start the search engine, then run preflight again")
    if reason:
        return Finding("search", f"reindex needed: {reason}", "manage.py search_reindex")
    return Finding("search", f"{backend.name}: index up to date")


def stale_static_files() -> list[str]:
    """Static files whose collected copy is missing or differs from the source (by content, not by date:
    a fresh checkout dates every file anew)."""
    ignore = apps.get_app_config("staticfiles").ignore_patterns
    seen, stale = set(), []
    for finder in finders.get_finders():
        for path, storage in finder.list(ignore):
            prefixed = f"{storage.prefix}/{path}" if getattr(storage, "prefix", None) else path
            if prefixed in seen:
                continue  # collectstatic takes the first finder's file, and so do we
            seen.add(prefixed)
            if not staticfiles_storage.exists(prefixed) or not filecmp.cmp(
                storage.path(path), staticfiles_storage.path(prefixed), shallow=False
            ):
                stale.append(prefixed)
    return sorted(stale)


def check_static() -> Finding:
    if getattr(settings, "WHITENOISE_USE_FINDERS", False):
        return Finding("static files", "served from the source folders (no collectstatic here)")
    stale = stale_static_files()
    if not stale:
        return Finding("static files", "collected and current")
    return Finding(
        "static files", f"{len(stale)} missing or changed in STATIC_ROOT", "manage.py collectstatic --noinput", stale
    )


def check_pyramids() -> Finding:
    images = DigitizedImage.objects.filter(pyramid_status=PyramidStatus.PENDING).order_by("pk")
    failed = DigitizedImage.objects.filter(pyramid_status=PyramidStatus.FAILED).count()
    note = f"; {failed} failed (build_pyramids --failed retries them)" if failed else ""
    pending = list(images.values_list("iiif_identifier", flat=True))
    if not pending:
        return Finding("pyramids", f"none pending{note}")
    return Finding(
        "pyramids",
        f"{len(pending)} pending{note}",
        "manage.py build_pyramids (or let `manage.py worker` build them)",
        pending,
    )


def check_tasks() -> Finding:
    waiting = DBTaskResult.objects.filter(status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING])
    counts = Counter(waiting.values_list("task_path", flat=True))
    if not counts:
        return Finding("queued tasks", "none")
    names = [f"{path}: {count}" for path, count in sorted(counts.items())]
    return Finding(
        "queued tasks",
        f"{sum(counts.values())} queued or running",
        "let `manage.py worker` finish them before stopping the workers",
        names,
    )


def run_checks() -> list[Finding]:
    """The migrations come first: a check whose tables they have yet to change may not be able to read them."""
    findings = [check_migrations()]
    for topic, check in (
        ("search", check_search),
        ("static files", check_static),
        ("pyramids", check_pyramids),
        ("queued tasks", check_tasks),
    ):
        try:
            findings.append(check())
        except DatabaseError as error:
            if not findings[0].needed:
                raise
            findings.append(Finding(topic, f"not checked until the migrations are applied ({error})".strip()))
    return findings
