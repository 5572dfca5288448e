"""/metrics in Prometheus' text exposition format (0.0.4), for allowed clients only; others get a 404.

Request counts are kept in memory by ResponseCountMiddleware, per process: each gunicorn worker counts
what it answered and reports only its own counts, under its `pid` label, so one scrape shows the process
that happened to take it. Sum over pids (`sum by (status_class) (rate(archive_http_responses_total[5m]))`)
and read the figures as a sample; a restarted worker starts from zero under a new pid. The other figures
(backlog, services) are read fresh on every scrape from the database and the services, as in /healthz.

Allowed clients: REMOTE_ADDR in METRICS_ALLOWED_IPS (addresses or networks; behind a proxy that is the
proxy's address), or a request carrying `Authorization: Bearer <METRICS_TOKEN>`.
"""

import hmac
import ipaddress
import os
import threading
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from importlib import metadata

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache

from archive.core import health

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
DISTRIBUTION = "klaipeda-heritage-archive"  # the project's name in pyproject.toml

_responses: Counter[str] = Counter()
_lock = threading.Lock()


class ResponseCountMiddleware:
    """Counts every response of this process by status class (2xx, 3xx, ...). Put it first in MIDDLEWARE,
    so that it sees the answers of the other middleware too (redirects, 400s)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        with _lock:
            _responses[f"{response.status_code // 100}xx"] += 1
        return response


def response_counts() -> dict[str, int]:
    with _lock:
        return dict(_responses)


@never_cache
def metrics(request: HttpRequest) -> HttpResponse:
    if not allowed(request):
        raise Http404
    return HttpResponse("".join(f"{line}\n" for line in exposition()), content_type=CONTENT_TYPE)


def allowed(request: HttpRequest) -> bool:
    token = settings.METRICS_TOKEN
    given = request.headers.get("Authorization", "")
    if token and hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
        return True
    try:
        address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    addresses = {address, getattr(address, "ipv4_mapped", None)} - {None}  # ::ffff:127.0.0.1 is 127.0.0.1
    return any(found in network for found in addresses for network in allowed_networks())


def allowed_networks() -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    """METRICS_ALLOWED_IPS as networks; a single address is a network of one (checked in archive.core.checks)."""
    return [ipaddress.ip_network(entry, strict=False) for entry in settings.METRICS_ALLOWED_IPS]


@lru_cache(maxsize=1)
def version() -> str:
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "unknown"


def exposition() -> Iterable[str]:
    database = health.database_state() == health.OK
    yield from family(
        "archive_build_info", "gauge", "The running version of the archive.", [({"version": version()}, 1)]
    )
    pid = str(os.getpid())
    counts = [({"pid": pid, "status_class": name}, count) for name, count in sorted(response_counts().items())]
    yield from family(
        "archive_http_responses_total",
        "counter",
        "Responses this process answered, by status class (each process reports its own).",
        counts,
    )
    yield from family("archive_database_available", "gauge", "1 when the database answers.", [({}, int(database))])
    yield from family(
        "archive_storage_available",
        "gauge",
        "1 when the media storage answers and takes a write probe.",
        [({}, int(health.storage_state() == health.OK))],
    )
    yield from family(
        "archive_search_available",
        "gauge",
        "1 when the search backend answers.",
        [({}, int(health.search_state() == health.OK))],
    )
    if database:  # without the database these are unknown: left out rather than reported as 0
        yield from backlog_families(health.backlog())


def backlog_families(backlog: health.Backlog) -> Iterable[str]:
    yield from family(
        "archive_task_queue_depth",
        "gauge",
        "Background tasks waiting in the database queue.",
        [({}, backlog.queue_depth)],
    )
    yield from family(
        "archive_pyramids",
        "gauge",
        "Images whose zoom pyramid is pending or failed.",
        [({"status": "pending"}, backlog.pending_pyramids), ({"status": "failed"}, backlog.failed_pyramids)],
    )
    yield from family(
        "archive_pyramid_oldest_pending_age_seconds",
        "gauge",
        "Age of the oldest image still waiting for its pyramid (0 when none).",
        [({}, backlog.oldest_pending_pyramid_seconds)],
    )


def family(name: str, kind: str, help_text: str, samples: list[tuple[dict[str, str], float]]) -> Iterable[str]:
    yield f"# HELP {name} {help_text}"
    yield f"# TYPE {name} {kind}"
    for labels, value in samples:
        text = ",".join(f'{key}="{escape(label)}"' for key, label in labels.items())
        yield f"{name}{{{text}}} {value}" if text else f"{name} {value}"


def escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
