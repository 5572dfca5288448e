"""`manage.py worker` as a real process: it outlives database outages, and a killed worker's task is taken
over by another worker within the heartbeat window, its leftovers removed.

Each test works in a database of its own (copied from a migrated template): a SQLite file, or a database on
the PostgreSQL server of scripts/postgres.sh. Outages are made on the worker's own connections only
(pg_terminate_backend, or a TCP proxy the test cuts): the shared server keeps running.
"""

import json
import signal
import time
from pathlib import Path

import pytest
import pyvips

from tests.operations.worker_processes import (
    TcpProxy,
    WorkerDatabase,
    environment,
    manage,
    postgres_server_url,
    start_worker,
    stop,
    wait_for,
)

pytestmark = pytest.mark.slow
FAST = {"WORKER_RETRY_MIN_SECONDS": "0.25", "WORKER_RETRY_MAX_SECONDS": "1", "WORKER_HEARTBEAT_SECONDS": "0.5"}
PYRAMID_TASK = "media.tasks.build_pyramid_task"  # with an id that names no image it runs in a moment


@pytest.fixture(scope="module")
def postgres_template(tmp_path_factory):
    url = postgres_server_url()
    if url is None:
        pytest.skip("PostgreSQL is not running (start it with scripts/postgres.sh start)")
    folder = tmp_path_factory.mktemp("pg-template")
    template = WorkerDatabase.postgres_template(url, environment(folder, WorkerDatabase(url, "postgres")))
    yield template
    template.drop()


@pytest.fixture(scope="module")
def sqlite_template(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sqlite-template")
    return WorkerDatabase.sqlite_template(folder, environment(folder, WorkerDatabase("", "sqlite")))


@pytest.fixture
def postgres(postgres_template, tmp_path):
    database = postgres_template.copy(tmp_path)
    yield database
    database.drop()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.service)])
def database(request, tmp_path):
    template = request.getfixturevalue(f"{request.param}_template")
    copy = template.copy(tmp_path)
    yield copy
    copy.drop()


def heartbeat_seen(database: WorkerDatabase) -> bool:
    return bool(database.query("SELECT worker_id FROM core_workerheartbeat"))


@pytest.mark.service
def test_worker_survives_its_database_connections_being_terminated(postgres, tmp_path):
    log = tmp_path / "worker.log"
    # Persistent connections (as production may keep them) are the ones a blink leaves broken.
    worker = start_worker(environment(tmp_path, postgres, DATABASE_CONN_MAX_AGE="600", **FAST), log)
    try:
        wait_for(lambda: heartbeat_seen(postgres), 60, "the worker's first heartbeat")
        terminated = 0
        for _ in range(30):  # what a PostgreSQL restart or failover does to them, for three seconds
            terminated += postgres.terminate_connections()
            time.sleep(0.1)
        assert terminated >= 2  # the worker's and its heartbeat's, at least
        task = postgres.enqueue(PYRAMID_TASK, 999999)
        wait_for(lambda: postgres.task_status(task) == "SUCCESSFUL", 30, "the task queued after the blink")
        assert worker.poll() is None, log.read_text()
    finally:
        stop(worker)
    assert "Traceback" not in log.read_text()


@pytest.mark.service
def test_worker_waits_out_a_longer_outage_with_backoff_and_goes_on(postgres, tmp_path):
    host, port = postgres.url.split("@", 1)[1].split("/", 1)[0].split(":")
    proxy = TcpProxy(host, int(port))
    proxied = WorkerDatabase(postgres.url.replace(f"{host}:{port}", f"127.0.0.1:{proxy.port}"), "postgres")
    log = tmp_path / "worker.log"
    worker = start_worker(environment(tmp_path, proxied, **FAST), log)
    try:
        wait_for(lambda: heartbeat_seen(postgres), 60, "the worker's first heartbeat")
        proxy.cut()
        time.sleep(6)
        assert worker.poll() is None, log.read_text()
        waits = [
            line.rsplit("trying again in ", 1)[1] for line in log.read_text().splitlines() if "trying again in" in line
        ]
        assert waits[:3] == ["0.25 s", "0.5 s", "1 s"] and set(waits[3:]) <= {"1 s"}, waits  # doubling, capped
        assert 3 <= len(waits) <= 10  # one line per try, not a flood
        proxy.restore()
        task = postgres.enqueue(PYRAMID_TASK, 999999)
        wait_for(lambda: postgres.task_status(task) == "SUCCESSFUL", 30, "the task queued after the outage")
        assert worker.poll() is None
    finally:
        stop(worker)
        proxy.close()
    assert "Traceback" not in log.read_text()


def pyramid_task(database: WorkerDatabase, column: str):
    return database.query(
        f"SELECT {column} FROM django_tasks_database_dbtaskresult WHERE task_path = %s", [PYRAMID_TASK]
    )[0][0]


def worker_ids(database: WorkerDatabase) -> list[str]:
    value = pyramid_task(database, "worker_ids")
    return json.loads(value) if isinstance(value, str) else value  # JSON text on SQLite


def slow_image(tmp_path: Path) -> Path:
    source = tmp_path / "scan.jpg"
    pyvips.Image.perlin(9000, 7000, cell_size=256).linear(120, 128).cast("uchar").bandjoin([40, 90]).jpegsave(
        str(source), Q=85
    )
    return source


def test_a_killed_workers_build_is_taken_over_within_the_heartbeat_window(database, tmp_path):
    env = environment(tmp_path, database, WORKER_LOST_AFTER_SECONDS="3", **FAST)  # TASK_STALE_AFTER: 30 min
    manage(env, "ingest_image", str(slow_image(tmp_path)), "--identifier", "scan-1", "--public")
    pyramids, work = tmp_path / "media" / "iiif-pyramids", tmp_path / "work"
    first = start_worker(env, tmp_path / "first.log")
    try:
        wait_for(lambda: list(pyramids.glob("*/.*.partial")), 120, "the first worker to write its pyramid")
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
    finally:
        stop(first)
    killed_at = time.monotonic()
    assert pyramid_task(database, "status") == "RUNNING"
    assert list(pyramids.glob("*/.*.partial")) and list(work.iterdir())  # what the killed build left
    second = start_worker(env, tmp_path / "second.log")
    try:
        wait_for(lambda: len(worker_ids(database)) == 2, 30, "the second worker to take the task over")
        taken_over_after = time.monotonic() - killed_at
        wait_for(
            lambda: database.query("SELECT pyramid_status FROM media_digitizedimage")[0][0] == "ready",
            180,
            "the pyramid",
            every=1,
        )
    finally:
        stop(second)
    assert taken_over_after < 3 + 15  # the window, and the second worker's start; not TASK_STALE_AFTER_SECONDS
    assert pyramid_task(database, "status") == "SUCCESSFUL"
    assert not list(pyramids.glob("*/.*.partial"))
    assert len(list(pyramids.glob("*/*.tif"))) == 1
    assert list(work.iterdir()) == []  # the killed worker's folder went; the second's went with its process
