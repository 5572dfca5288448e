"""A value the environment gets wrong stops the start with the variable's name and what it takes."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "variable, value, says",
    [
        ("WORKER_HEARTBEAT_SECONDS", "five", "WORKER_HEARTBEAT_SECONDS must be a number"),
        ("MAX_UPLOAD_BYTES", "2GB", "MAX_UPLOAD_BYTES must be a whole number"),
        ("IIIF_TILE_SIZE", "-5", "IIIF_TILE_SIZE must be a whole number of at least 1"),
        ("DATABASE_CONN_MAX_AGE", "abc", "DATABASE_CONN_MAX_AGE must be a whole number"),
        ("TASKS_BACKEND", "rabbit", "TASKS_BACKEND must be one of immediate, database"),
        ("SEARCH_BACKEND", "solr", "SEARCH_BACKEND must be one of database, elasticsearch"),
        ("LOG_LEVEL", "LOUD", "LOG_LEVEL must be one of"),
        ("PUBLIC_BASE_URL", "archive.example.lt", "PUBLIC_BASE_URL must be an absolute address"),
        ("IIIF_BASE_URL", "/iiif", "IIIF_BASE_URL must be an absolute address"),
    ],
)
def test_a_wrong_value_is_named_without_a_traceback(tmp_path, variable, value, says):
    environment = {
        **os.environ,
        "ARCHIVE_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "archive.settings.dev",
        variable: value,
    }
    environment.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1
    assert says in result.stderr and "Traceback" not in result.stderr, result.stderr[-1500:]
