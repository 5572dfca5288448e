"""A worker killed in the middle of a task: the task is queued again and a new worker finishes it."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import pyvips

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def environment(tmp_path: Path) -> dict[str, str]:
    inherited = {name: value for name, value in os.environ.items() if name != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "archive.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'worker.sqlite3'}",
        "ARCHIVE_VAR_DIR": str(tmp_path),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "TASKS_BACKEND": "database",
        "TASK_STALE_AFTER_SECONDS": "1",
        "WORKER_LOST_AFTER_SECONDS": "1",  # the killed worker left a heartbeat (tests/operations: the window)
        "WORK_ROOT": str(tmp_path / "work"),
    }


def manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result


def query(tmp_path: Path, sql: str):
    with sqlite3.connect(tmp_path / "worker.sqlite3", timeout=30) as connection:
        return connection.execute(sql).fetchone()


def wait_for(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def test_task_of_a_killed_worker_is_retried_and_finishes(tmp_path):
    env = environment(tmp_path)
    manage(env, "migrate", "--noinput")
    source = tmp_path / "scan.jpg"
    pyvips.Image.perlin(9000, 7000, cell_size=256).linear(120, 128).cast("uchar").bandjoin([40, 90]).jpegsave(
        str(source), Q=85
    )
    manage(env, "ingest_image", str(source), "--identifier", "scan-1", "--public")
    assert query(tmp_path, "SELECT pyramid_status FROM media_digitizedimage")[0] == "pending"

    worker = subprocess.Popen(
        [sys.executable, "manage.py", "worker"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        wait_for(
            lambda: query(tmp_path, "SELECT status FROM django_tasks_database_dbtaskresult")[0] == "RUNNING",
            120,
            "the worker to start the pyramid task",
        )
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)
    finally:
        if worker.poll() is None:
            worker.kill()
    assert query(tmp_path, "SELECT status FROM django_tasks_database_dbtaskresult")[0] == "RUNNING"
    assert query(tmp_path, "SELECT pyramid_status FROM media_digitizedimage")[0] == "pending"

    time.sleep(1.5)
    output = manage(env, "worker", "--once").stdout
    assert "Queued again 1 task(s)" in output
    assert query(tmp_path, "SELECT status FROM django_tasks_database_dbtaskresult")[0] == "SUCCESSFUL"
    assert query(tmp_path, "SELECT pyramid_status FROM media_digitizedimage")[0] == "ready"
