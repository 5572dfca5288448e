"""/metrics: Prometheus' text format, read back with a strict parser; only allowed clients see it."""

import math
import re

import pytest
from django.core import checks

from archive.core.metrics import version
from media.models import DigitizedImage, PyramidStatus
from tests.factories import make_image

pytestmark = pytest.mark.django_db

# The text exposition format 0.0.4: https://prometheus.io/docs/instrumenting/exposition_formats/
NAME = r"[a-zA-Z_:][a-zA-Z0-9_:]*"
LABEL = r'[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*"'
VALUE = r"[+-]?(?:\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+|Inf|NaN)"
SAMPLE = re.compile(rf"^(?P<name>{NAME})(?:\{{(?P<labels>{LABEL}(?:,{LABEL})*)?\}})? (?P<value>{VALUE})$")
HELP = re.compile(rf"^# HELP (?P<name>{NAME}) .+$")
TYPE = re.compile(rf"^# TYPE (?P<name>{NAME}) (?P<kind>counter|gauge|summary|histogram|untyped)$")


def parse(text: str) -> dict[str, dict]:
    """{family: {"type": kind, "samples": {frozenset(labels): value}}}; fails on any line out of format."""
    assert text.endswith("\n")
    families: dict[str, dict] = {}
    current = None
    for line in text[:-1].split("\n"):
        if match := HELP.match(line):
            assert match["name"] not in families, f"family declared twice: {line}"
            current = families[match["name"]] = {"type": None, "samples": {}}
        elif match := TYPE.match(line):
            assert current is families.get(match["name"]) and current["type"] is None, line
            current["type"] = match["kind"]
        else:
            match = SAMPLE.match(line)
            assert match, f"not a sample line: {line!r}"
            assert current is families.get(match["name"]), f"sample outside its family: {line}"
            labels = frozenset(re.findall(r'([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)"', match["labels"] or ""))
            assert labels not in current["samples"], f"duplicate sample: {line}"
            current["samples"][labels] = float(match["value"])
    return families


def value(families: dict, name: str, **labels: str) -> float:
    return families[name]["samples"][frozenset(labels.items())]


def test_metrics_are_well_formed_and_report_the_state(client):
    waiting, failed = make_image(title="Waiting"), make_image(title="Broken")  # built at once in the tests
    DigitizedImage.objects.filter(pk=waiting.pk).update(pyramid_status=PyramidStatus.PENDING)
    DigitizedImage.objects.filter(pk=failed.pk).update(pyramid_status=PyramidStatus.FAILED)
    client.get("/healthz/live")
    client.get("/no-such-page/")
    answer = client.get("/metrics")
    assert answer.status_code == 200
    assert answer["Content-Type"] == "text/plain; version=0.0.4; charset=utf-8"
    families = parse(answer.content.decode())
    assert families["archive_http_responses_total"]["type"] == "counter"
    assert value(families, "archive_build_info", version=version()) == 1 and version() == "0.1.0"
    assert value(families, "archive_database_available") == 1
    assert value(families, "archive_storage_available") == 1
    assert value(families, "archive_search_available") == 1
    assert value(families, "archive_task_queue_depth") == 0  # the test settings run tasks at once
    assert value(families, "archive_pyramids", status="pending") == 1
    assert value(families, "archive_pyramids", status="failed") == 1
    assert 0 <= value(families, "archive_pyramid_oldest_pending_age_seconds") < 60
    for sample in families["archive_http_responses_total"]["samples"]:
        assert dict(sample).keys() == {"pid", "status_class"}
    assert all(not math.isnan(v) for family in families.values() for v in family["samples"].values())


def responses(client, status_class: str) -> float:
    families = parse(client.get("/metrics").content.decode())
    found = [
        count
        for labels, count in families["archive_http_responses_total"]["samples"].items()
        if dict(labels)["status_class"] == status_class
    ]
    return sum(found)


def test_responses_are_counted_by_status_class(client, home):
    before_ok, before_missing = responses(client, "2xx"), responses(client, "4xx")
    client.get("/")
    client.get("/healthz/live")
    client.get("/no-such-page/")
    # Each reading of /metrics is itself counted once it has answered.
    assert responses(client, "2xx") == before_ok + 1 + 2 + 1
    assert responses(client, "4xx") == before_missing + 1


def test_search_down_is_a_zero(client, settings):
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    assert value(parse(client.get("/metrics").content.decode()), "archive_search_available") == 0


@pytest.mark.parametrize("address", ["10.1.2.3", "192.0.2.7", "2001:db8::1"])
def test_other_clients_get_a_404(client, address):
    assert client.get("/metrics", REMOTE_ADDR=address).status_code == 404


def test_allowed_networks_and_mapped_addresses(client, settings):
    settings.METRICS_ALLOWED_IPS = ["10.0.0.0/8", "127.0.0.1"]
    assert client.get("/metrics", REMOTE_ADDR="10.1.2.3").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="::ffff:127.0.0.1").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="11.0.0.1").status_code == 404


def test_a_bearer_token_opens_it_from_anywhere(client, settings):
    settings.METRICS_TOKEN = "s3cret-scrape-token"
    outside = {"REMOTE_ADDR": "192.0.2.7"}
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer s3cret-scrape-token", **outside).status_code == 200
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong", **outside).status_code == 404
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer ščė", **outside).status_code == 404
    assert client.get("/metrics", **outside).status_code == 404


def test_no_addresses_and_no_token_closes_it(client, settings):
    settings.METRICS_ALLOWED_IPS = []
    assert client.get("/metrics").status_code == 404


def test_a_malformed_allowed_address_is_a_check_error(settings):
    settings.METRICS_ALLOWED_IPS = ["127.0.0.1", "localhost"]
    errors = [error for error in checks.run_checks(tags=["security"]) if error.id.startswith("archive.")]
    assert [error.id for error in errors] == ["archive.E010"]
    assert "'localhost'" in errors[0].msg and "127.0.0.1" not in errors[0].msg.split("which")[0]
