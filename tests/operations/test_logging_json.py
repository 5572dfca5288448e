"""LOG_FORMAT=json: gunicorn's error and access lines are JSON objects in the same stream as Django's."""

import datetime
import json
import logging
import os
import re
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from gunicorn.config import Config
from gunicorn.glogging import Logger

from archive.core.logging import JsonFormatter, SkipPaths, logging_config

ROOT = Path(__file__).resolve().parents[2]
# What gunicorn.conf.py needs to log this way (the test's own configuration stands in for it).
GUNICORN_CONF = """
from archive.core.logging import gunicorn_logconfig
logconfig_dict = gunicorn_logconfig()
bind = "127.0.0.1:0"
workers = 1
accesslog = "-"
errorlog = "-"
"""


def access_record(path: str = "/iiif/3/KVB-1/full/max/0/default.jpg", status: str = "200 OK") -> logging.LogRecord:
    """The record gunicorn's own logger makes for one request (the logger's handler catches it)."""
    config = Config()
    config.set("accesslog", "-")
    log = Logger(config)
    caught = []
    catch = type("Catch", (logging.Handler,), {"emit": lambda self, record: caught.append(record)})
    log.access_log.handlers = [catch()]
    # Only the record matters here: whatever logging configuration an earlier test left on this logger
    # (a level, a filter, disabled by dictConfig) must not swallow it.
    log.access_log.disabled, log.access_log.filters = False, []
    log.access_log.setLevel(logging.INFO)
    response = SimpleNamespace(status=status, sent=5120, headers=[("Content-Type", "image/jpeg")])
    request = SimpleNamespace(headers=[("USER-AGENT", "Mirador"), ("REFERER", "https://school.example.lt/")])
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": f"{path}?x=1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "PATH_INFO": path,
        "QUERY_STRING": "x=1",
        "REMOTE_ADDR": "192.0.2.7",
        "HTTP_USER_AGENT": "Mirador",
        "HTTP_REFERER": "https://school.example.lt/",
    }
    log.access(response, request, environ, datetime.timedelta(seconds=0, microseconds=42_000))
    return caught[0]


def test_access_records_become_json_with_the_request_fields():
    entry = json.loads(JsonFormatter().format(access_record()))
    assert entry["logger"] == "gunicorn.access" and entry["level"] == "INFO"
    assert {key: entry[key] for key in ("method", "path", "query", "status", "bytes", "duration_ms")} == {
        "method": "GET",
        "path": "/iiif/3/KVB-1/full/max/0/default.jpg",
        "query": "x=1",
        "status": 200,
        "bytes": 5120,
        "duration_ms": 42,
    }
    assert (entry["remote_addr"], entry["user_agent"], entry["referer"]) == (
        "192.0.2.7",
        "Mirador",
        "https://school.example.lt/",
    )


def test_access_log_can_skip_image_requests_or_be_off():
    tile, page = access_record(), access_record("/lt/item/KVB-1/")
    skip = logging_config("json", "INFO", "skip-iiif")["loggers"]["gunicorn.access"]
    assert skip["filters"] == ["skip_iiif"]
    assert (SkipPaths().filter(tile), SkipPaths().filter(page)) == (False, True)
    assert logging_config("json", "INFO", "off")["loggers"]["gunicorn.access"]["level"] == "WARNING"
    with pytest.raises(ValueError, match="ACCESS_LOG"):
        logging_config("json", "INFO", "sometimes")


def test_elasticsearch_client_requests_are_not_logged_at_info():
    assert settings.LOGGING["loggers"]["elastic_transport"]["level"] == "WARNING"
    for name in ("elastic_transport.transport", "elasticsearch"):
        assert not logging.getLogger(name).isEnabledFor(logging.INFO), name


def wait_for_port(process, lines: list[str]) -> int:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        lines.append(line)
        found = re.search(r"Listening at: http://127\.0\.0\.1:(\d+)", line)
        if found:
            return int(found.group(1))
    raise AssertionError("gunicorn did not start: " + "".join(lines))


def get(url: str) -> None:
    try:
        urllib.request.urlopen(url, timeout=30).read()
    except urllib.error.HTTPError:
        pass  # any answer is a request to log


@pytest.mark.slow
def test_gunicorn_writes_one_json_stream_without_image_requests(tmp_path):
    (tmp_path / "gunicorn_test.conf.py").write_text(GUNICORN_CONF)
    inherited = {name: value for name, value in os.environ.items() if name != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "archive.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "ARCHIVE_DATA_DIR": str(tmp_path / "data"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "SECURE_SSL_REDIRECT": "0",
        "LOG_FORMAT": "json",
        "ACCESS_LOG": "skip-iiif",
        "PYTHONPATH": str(ROOT),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", str(tmp_path / "gunicorn_test.conf.py"), "archive.wsgi"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines = []
    try:
        port = wait_for_port(process, lines)
        get(f"http://127.0.0.1:{port}/iiif/3/KVB-1/info.json")
        get(f"http://127.0.0.1:{port}/no-such-page/")
        time.sleep(0.5)
    finally:
        process.terminate()
        rest, _ = process.communicate(timeout=30)
    entries = [json.loads(line) for line in lines + rest.splitlines() if line.strip()]
    loggers = {entry["logger"] for entry in entries}
    assert {"gunicorn.error", "gunicorn.access"} <= loggers, loggers
    access = [entry for entry in entries if entry["logger"] == "gunicorn.access"]
    # The page's status does not matter here (no migrations, no collectstatic): its line does.
    assert [(entry["method"], entry["path"]) for entry in access] == [("GET", "/no-such-page/")]
    assert isinstance(access[0]["status"], int) and isinstance(access[0]["duration_ms"], int)
