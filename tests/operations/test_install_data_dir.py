"""The data directory: the embedded run's in the checkout, production's outside it, everything local under it."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHOW = (
    "import json; from django.conf import settings as s; print(json.dumps({name: str(getattr(s, name)) "
    "for name in ['DATA_DIR', 'MEDIA_ROOT', 'WORK_ROOT', 'VAR_DIR']}))"
)


def run_settings(module: str, **overrides) -> subprocess.CompletedProcess:
    inherited = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "ARCHIVE_DATA_DIR", "ARCHIVE_VAR_DIR", "MEDIA_ROOT", "WORK_ROOT"}
    }
    environment = {
        **inherited,
        "DJANGO_SETTINGS_MODULE": module,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "archive.example.org",
        "DATABASE_URL": "sqlite:///:memory:",
        **overrides,
    }
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", SHOW],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def shown(result: subprocess.CompletedProcess) -> dict:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_keeps_media_and_work_files_under_the_data_dir(tmp_path):
    paths = shown(run_settings("archive.settings.production", ARCHIVE_DATA_DIR=str(tmp_path)))
    assert paths == {
        "DATA_DIR": str(tmp_path),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "WORK_ROOT": str(tmp_path / "work"),
        "VAR_DIR": str(tmp_path),
    }


def test_production_defaults_to_var_lib_archive():
    assert shown(run_settings("archive.settings.production"))["DATA_DIR"] == "/var/lib/archive"


def test_production_refuses_a_data_dir_inside_the_checkout():
    result = run_settings("archive.settings.production", ARCHIVE_DATA_DIR=str(ROOT / "var"))
    assert result.returncode != 0
    assert "Set ARCHIVE_DATA_DIR to a folder outside the checkout" in result.stderr


def test_embedded_run_keeps_its_files_in_the_checkout_unless_told(tmp_path):
    assert shown(run_settings("archive.settings.dev"))["MEDIA_ROOT"] == str(ROOT / "var" / "media")
    paths = shown(run_settings("archive.settings.dev", ARCHIVE_DATA_DIR=str(tmp_path), MEDIA_ROOT=str(tmp_path / "m")))
    assert (paths["DATA_DIR"], paths["MEDIA_ROOT"], paths["WORK_ROOT"]) == (
        str(tmp_path),
        str(tmp_path / "m"),
        str(tmp_path / "work"),
    )
