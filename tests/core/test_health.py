"""The three health answers: live (the process), ready (the database), and the full report with the backlog."""

import importlib.util
import json
import os
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from media.models import DigitizedImage, PyramidStatus
from tests.factories import make_image

ROOT = Path(__file__).resolve().parents[2]
HEALTH_URLS = ["/healthz", "/healthz/live", "/healthz/ready"]
MONITORING_ROUTES = ["healthz", "healthz-live", "healthz-ready", "metrics"]


def test_live_answers_without_touching_the_database(client):
    # No django_db mark: any database access here would raise.
    answer = client.get("/healthz/live")
    assert answer.status_code == 200
    assert answer.json() == {"status": "live"}


@pytest.mark.django_db
def test_ready_and_the_report_when_everything_answers(client):
    assert client.get("/healthz/ready").json() == {"status": "ready"}
    report = client.get("/healthz")
    assert report.status_code == 200
    assert report.json()["status"] == "ok"
    assert report.json()["checks"] == {"database": "ok", "storage": "ok", "search": "ok"}
    assert report.json()["backlog"] == {
        "queue_depth": 0,
        "pending_pyramids": 0,
        "failed_pyramids": 0,
        "oldest_pending_pyramid_seconds": 0,
    }


@pytest.mark.django_db
def test_the_report_counts_the_queue_and_the_pyramids_waiting(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    waiting = [make_image(title=f"Waiting {number}") for number in range(2)]  # each queues its pyramid build
    DigitizedImage.objects.filter(pk=waiting[0].pk).update(created_at=timezone.now() - timedelta(hours=2))
    make_image(title="Broken")
    DigitizedImage.objects.filter(title="Broken").update(pyramid_status=PyramidStatus.FAILED)
    queued = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
    assert queued.filter(task_path="media.tasks.build_pyramid_task").count() == 3
    running = queued.first()
    running.status = TaskResultStatus.RUNNING  # a worker took it: no longer waiting
    running.save()
    backlog = client.get("/healthz").json()["backlog"]
    assert backlog["queue_depth"] == queued.count() >= 2
    assert backlog["pending_pyramids"] == 2 and backlog["failed_pyramids"] == 1
    assert 2 * 3600 <= backlog["oldest_pending_pyramid_seconds"] < 2 * 3600 + 60


@pytest.mark.django_db
def test_search_down_degrades_the_report_but_the_node_stays_ready(client, settings):
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens on the discard port
    report = client.get("/healthz")
    assert report.status_code == 200
    assert report.json()["status"] == "degraded" and report.json()["checks"]["search"] == "unavailable"
    assert client.get("/healthz/ready").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("path", [*HEALTH_URLS, "/metrics"])
def test_no_cache_keeps_an_answer(client, path):
    answer = client.get(path)
    assert "no-store" in answer["Cache-Control"] and "max-age=0" in answer["Cache-Control"]


DOWN = """
import json, django
django.setup()
from django.test import Client
client = Client()
answers = {path: client.get(path) for path in ("/healthz/live", "/healthz/ready", "/healthz", "/metrics")}
print(json.dumps({path: [answer.status_code, answer.content.decode()] for path, answer in answers.items()}))
"""


@pytest.mark.slow
def test_with_the_database_down_the_process_is_live_but_not_ready(tmp_path):
    """A real outage: the site's process starts with a database server that is not there."""
    inherited = {name: value for name, value in os.environ.items() if name != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "archive.settings.test",
        "DATABASE_URL": "postgres://archive:none@127.0.0.1:9/archive",
        "MEDIA_ROOT": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, "-c", DOWN], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    answers = json.loads(done.stdout.strip().splitlines()[-1])
    assert answers["/healthz/live"][0] == 200
    assert answers["/healthz/ready"][0] == 503
    assert json.loads(answers["/healthz/ready"][1])["checks"]["database"] == "error: OperationalError"
    status, body = answers["/healthz"]
    assert status == 503 and json.loads(body)["status"] == "unavailable" and json.loads(body)["backlog"] is None
    status, body = answers["/metrics"]
    assert status == 200 and "\narchive_database_available 0\n" in body and "archive_pyramids" not in body


def fresh_module(name: str):
    spec = importlib.util.find_spec(name)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def production_security(monkeypatch, tmp_path) -> dict:
    """The SECURE_* settings of archive/settings/production.py, read from a fresh copy of the module."""
    monkeypatch.setenv("SECRET_KEY", "a-long-random-production-key-for-this-test-only-0123456789")
    monkeypatch.setenv("ALLOWED_HOSTS", "testserver")
    monkeypatch.setenv("ARCHIVE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("SECURE_SSL_REDIRECT", raising=False)
    monkeypatch.setitem(sys.modules, "archive.settings.base", fresh_module("archive.settings.base"))
    module = fresh_module("archive.settings.production")
    return {name: getattr(module, name) for name in dir(module) if name.startswith("SECURE_")}


@pytest.mark.django_db
def test_production_answers_health_and_metrics_over_plain_http(client, settings, monkeypatch, tmp_path):
    for name, value in production_security(monkeypatch, tmp_path).items():
        setattr(settings, name, value)
    assert settings.SECURE_SSL_REDIRECT
    assert client.get("/").status_code == 301  # everything else still goes to HTTPS
    for path in HEALTH_URLS + ["/metrics"]:
        assert client.get(path).status_code == 200, path


def test_every_monitoring_route_is_exempt_from_the_https_redirect(monkeypatch, tmp_path):
    exempt = production_security(monkeypatch, tmp_path)["SECURE_REDIRECT_EXEMPT"]
    for name in MONITORING_ROUTES:
        path = reverse(name).lstrip("/")  # as SecurityMiddleware matches it
        assert any(re.search(pattern, path) for pattern in exempt), name
    assert not any(re.search(pattern, "healthz-not") for pattern in exempt)
