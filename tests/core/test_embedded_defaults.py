"""The embedded default (`make run`, archive.settings.dev) is safe as it stands: no debug pages for the
public unless DEBUG=1 asks for them, static files served all the same, and bad requests answered with a
reason in the visitor's language within a second."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

PROBE = """
import json, django
django.setup()
from django.conf import settings
from django.test import Client
answer = Client().get("/static/vendor/openseadragon/openseadragon.min.js")
print(json.dumps({"debug": settings.DEBUG, "static": answer.status_code}))
"""


def embedded_settings(tmp_path: Path, **extra: str) -> dict:
    environment = {key: value for key, value in os.environ.items() if key not in ("DEBUG", "DATABASE_URL")}
    environment.update(DJANGO_SETTINGS_MODULE="archive.settings.dev", ARCHIVE_VAR_DIR=str(tmp_path), **extra)
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=REPO, env=environment, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_embedded_run_shows_no_debug_pages_but_serves_static_files(tmp_path):
    assert embedded_settings(tmp_path) == {"debug": False, "static": 200}


def test_a_developer_asks_for_debug_pages_with_debug_1(tmp_path):
    assert embedded_settings(tmp_path, DEBUG="1")["debug"] is True


TOO_MANY = "&".join(f"p{number}=1" for number in range(1500))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/", "/en/", "/search/", "/en/search/", "/oai", "/healthz", "/iiif/manifest/KVB-1", "/iiif/3/x/info.json"]
)
def test_too_many_parameters_are_a_400_with_the_reason_within_a_second_on_every_url(client, home, path):
    started = time.monotonic()
    answer = client.get(f"{path}?{TOO_MANY}")
    assert time.monotonic() - started < 1
    assert answer.status_code == 400
    page = answer.content.decode()
    if path.startswith("/en/"):
        assert "more than 1000 parameters" in page and 'lang="en"' in page
    else:
        assert "daugiau nei 1000 parametrų" in page and 'lang="lt"' in page


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/search/", "/api/export.csv", "/api/search/suggest/"])
def test_the_apis_refuse_too_many_parameters_in_json(client, path):
    answer = client.get(f"{path}?{TOO_MANY}")
    assert answer.status_code == 400
    assert answer.json()["error"] == "too_many_parameters"
    assert "daugiau nei 1000 parametrų" in answer.json()["detail"]  # the APIs' default language


@pytest.mark.django_db
def test_a_404_without_a_reason_shows_no_class_name(client, home):
    page = client.get("/media/original_images/nothing.jpg").content.decode()
    assert "Http404" not in page
