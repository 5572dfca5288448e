"""Static files in production: collected once with hashed names, viewers included, and refused without them."""

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import Client, override_settings

from tests.factories import make_image, make_item

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
HASHED = re.compile(r"\.[0-9a-f]{12}\.\w+$")
STATIC_REFERENCE = re.compile(r'(?:src|href)="(/static/[^"]+)"')
# The buttons OpenSeadragon builds from its prefixUrl (the item viewer shows zoom and rotation controls).
OPENSEADRAGON_IMAGES = ["zoomin_rest.png", "zoomout_hover.png", "home_pressed.png", "rotateright_grouphover.png"]


@pytest.fixture(scope="module")
def production_static(tmp_path_factory) -> Path:
    """collectstatic run once as production runs it: production settings, into an empty STATIC_ROOT."""
    folder = tmp_path_factory.mktemp("static")
    inherited = {name: value for name, value in os.environ.items() if name != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "archive.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "archive.example.org",
        "ARCHIVE_DATA_DIR": str(folder.parent / "data"),
        "DATABASE_URL": f"sqlite:///{folder.parent / 'collect.sqlite3'}",
        "STATIC_ROOT": str(folder),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return folder


@pytest.fixture
def served_from(production_static):
    with override_settings(STORAGES=PRODUCTION_STORAGES, STATIC_ROOT=production_static):
        yield production_static


def static_file(root: Path, url: str) -> Path:
    return root / url.removeprefix("/static/")


def test_collectstatic_refuses_to_run_without_the_viewer_files(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.VIEWER_STATIC_DIRS = [*settings.VIEWER_STATIC_DIRS, ("vendor/gone", tmp_path / "node_modules" / "gone")]
    with pytest.raises(CommandError, match=r"viewers' files are missing: .*gone.*npm ci"):
        call_command("collectstatic", "--noinput", verbosity=0)
    assert not (tmp_path / "static").exists()


def test_production_collects_the_viewers_under_hashed_names(production_static):
    manifest = json.loads((production_static / "staticfiles.json").read_text())["paths"]
    for name in [
        "vendor/openseadragon/openseadragon.min.js",
        "vendor/mirador/mirador.min.js",
        "vendor/leaflet/leaflet.css",
        "js/viewer.js",
        "css/archive.css",
    ]:
        assert HASHED.search(manifest[name]), manifest[name]
        assert (production_static / manifest[name]).is_file()
        assert (production_static / f"{manifest[name]}.gz").is_file()  # compressed beside it


@pytest.mark.django_db
def test_item_page_references_hashed_files_that_exist_and_the_viewer_finds_its_buttons(served_from, collection):
    item = make_item(collection, inventory_number="KVB-S-1", images=[make_image("Front")])
    html = Client().get(item.url).content.decode()
    references = STATIC_REFERENCE.findall(html)
    assert any("openseadragon.min." in url for url in references), references
    for url in references:
        assert HASHED.search(url), url
        assert static_file(served_from, url).is_file(), url
    config = re.search(r'<script id="viewer-config-KVB-S-1" type="application/json">(.*?)</script>', html, re.S)
    prefix = json.loads(config.group(1))["prefixUrl"]
    for image in OPENSEADRAGON_IMAGES:
        assert static_file(served_from, prefix + image).is_file(), prefix + image


@pytest.mark.django_db
def test_compare_page_loads_mirador_under_its_hashed_name(served_from, collection):
    items = [make_item(collection, inventory_number=f"KVB-S-{n}", images=[make_image()]) for n in (2, 3)]
    html = Client().get(f"/compare/?items={items[0].inventory_number},{items[1].inventory_number}").content.decode()
    mirador = [url for url in STATIC_REFERENCE.findall(html) if "mirador.min." in url]
    assert len(mirador) == 1 and HASHED.search(mirador[0]) and static_file(served_from, mirador[0]).is_file()


def test_whitenoise_serves_hashed_files_for_a_year_and_immutable(served_from):
    manifest = json.loads((served_from / "staticfiles.json").read_text())["paths"]
    url = f"/static/{manifest['vendor/openseadragon/openseadragon.min.js']}"
    with override_settings(WHITENOISE_USE_FINDERS=False, WHITENOISE_AUTOREFRESH=False):
        response = Client().get(url, headers={"accept-encoding": "gzip"})
    assert response.status_code == 200
    assert "immutable" in response["Cache-Control"] and "max-age=315360000" in response["Cache-Control"]
    assert response["Content-Encoding"] == "gzip"


def test_templates_name_static_files_through_the_static_tag():
    written_out = [
        path
        for path in ROOT.glob("**/templates/**/*.html")
        if ".venv" not in path.parts
        and "node_modules" not in path.parts
        and re.search(r'(?:src|href)="/static/', path.read_text())
    ]
    assert written_out == []
