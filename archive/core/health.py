"""Health of a node, asked three ways, each answered fresh (never cached) and over plain HTTP in production.

- `/healthz/live`: the process answers. Nothing else is touched; a failure means restart the process.
- `/healthz/ready`: the node can serve. Only the database decides: without it no page renders. A media store
  or search that is down does not take the node out of the load balancer's rotation, since pages and
  cached tiles still serve and every node would fail alike.
- `/healthz`: the full report (JSON) for people and monitoring: database, media storage (the bucket exists
  and takes a write probe), search, and the background backlog. 200 unless not ready; "degraded" names
  what fails.

The probes are shared with /metrics (archive.core.metrics) and `check --deploy` (archive.core.checks).
"""

from dataclasses import asdict, dataclass

from django.conf import settings
from django.db import connection
from django.db.models import Count, Min, Q
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from media.models import DigitizedImage, PyramidStatus
from media.storage import check_available, is_missing_bucket, probe_write, storage_message
from search.backends import get_catalogue_backend
from search.results import SearchUnavailable

OK = "ok"


@never_cache
def live(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "live"})


@never_cache
def ready(request: HttpRequest) -> JsonResponse:
    database = database_state()
    if database != OK:
        return JsonResponse({"status": "unavailable", "checks": {"database": database}}, status=503)
    return JsonResponse({"status": "ready"})


@never_cache
def report(request: HttpRequest) -> JsonResponse:
    checks = {"database": database_state(), "storage": storage_state(), "search": search_state()}
    serving = checks["database"] == OK
    if not serving:
        status = "unavailable"
    else:
        status = OK if all(state == OK for state in checks.values()) else "degraded"
    found = asdict(backlog()) if serving else None
    return JsonResponse({"status": status, "checks": checks, "backlog": found}, status=200 if serving else 503)


def database_state() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return OK
    except Exception as error:  # any driver error means the database cannot serve
        return f"error: {error.__class__.__name__}"


def storage_state() -> str:
    """The store answers (for S3: the bucket exists), then takes a write probe. The reasons stay free of
    names and endpoints: the report is public."""
    try:
        check_available()
    except Exception as error:  # local disk or S3: any failure means media cannot be read
        if is_missing_bucket(error):
            return "error: the bucket does not exist"
        return f"error: cannot read ({storage_message(error)})"
    try:
        probe_write()
    except Exception as error:
        return f"error: refuses writes ({storage_message(error)})"
    return OK


def search_state() -> str:
    try:
        get_catalogue_backend().suggest("a", settings.LANGUAGE_CODE, limit=1)
        return OK
    except SearchUnavailable:
        return "unavailable"
    except Exception as error:  # e.g. the index refuses the query: search cannot serve either way
        return f"error: {error.__class__.__name__}"


@dataclass(frozen=True)
class Backlog:
    """Work waiting in the background. The age of a pending pyramid counts from its image's creation (a
    replaced original is pending again without a new date)."""

    queue_depth: int  # tasks waiting in the database queue (TASKS_BACKEND=database)
    pending_pyramids: int
    failed_pyramids: int
    oldest_pending_pyramid_seconds: float  # 0 when none is pending


def backlog() -> Backlog:
    pending, failed = Q(pyramid_status=PyramidStatus.PENDING), Q(pyramid_status=PyramidStatus.FAILED)
    pyramids = DigitizedImage.objects.aggregate(
        pending=Count("pk", filter=pending), failed=Count("pk", filter=failed), oldest=Min("created_at", filter=pending)
    )
    oldest = pyramids["oldest"]
    return Backlog(
        queue_depth=DBTaskResult.objects.filter(status=TaskResultStatus.READY).count(),
        pending_pyramids=pyramids["pending"],
        failed_pyramids=pyramids["failed"],
        oldest_pending_pyramid_seconds=max(0, round((timezone.now() - oldest).total_seconds(), 1)) if oldest else 0,
    )
