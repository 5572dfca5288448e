"""Builders for the tests that run `manage.py worker` as a real process: a database of its own (SQLite file,
or a PostgreSQL database on the server scripts/postgres.sh runs), the process itself, and a TCP proxy that
the tests cut to make an outage only their own worker sees. No fixtures here; the test modules hold those."""

import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# django_tasks_db's "no run_after" marker, as each database stores it.
DATE_MAX = {"sqlite": "9999-01-01 00:00:00", "postgres": "9999-01-01 00:00:00+00:00"}


def postgres_server_url() -> str | None:
    """The PostgreSQL server of this test run (DATABASE_URL when it names one, else scripts/postgres.sh's),
    or None when none answers."""
    import psycopg

    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        url = subprocess.run(
            [str(ROOT / "scripts" / "postgres.sh"), "url"], capture_output=True, text=True, timeout=30
        ).stdout.strip()
    try:
        psycopg.connect(url, connect_timeout=3).close()
    except psycopg.Error:
        return None
    return url


def manage(env: dict[str, str], *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )


class WorkerDatabase:
    """A database for worker processes, made from a migrated template (migrating takes tens of seconds)."""

    def __init__(self, url: str, kind: str, path: Path | None = None, admin_url: str = "", name: str = ""):
        self.url, self.kind, self.path, self.admin_url, self.name = url, kind, path, admin_url, name

    @classmethod
    def sqlite_template(cls, folder: Path, env: dict[str, str]) -> "WorkerDatabase":
        path = folder / "template.sqlite3"
        manage({**env, "DATABASE_URL": f"sqlite:///{path}"}, "migrate", "--noinput")
        return cls(f"sqlite:///{path}", "sqlite", path=path)

    @classmethod
    def postgres_template(cls, server_url: str, env: dict[str, str]) -> "WorkerDatabase":
        name = f"worker_template_{uuid.uuid4().hex[:10]}"
        admin = server_url.rsplit("/", 1)[0] + "/postgres"
        _admin(admin, f'CREATE DATABASE "{name}"')
        database = cls(server_url.rsplit("/", 1)[0] + f"/{name}", "postgres", admin_url=admin, name=name)
        manage({**env, "DATABASE_URL": database.url}, "migrate", "--noinput")
        return database

    def copy(self, folder: Path) -> "WorkerDatabase":
        if self.kind == "sqlite":
            path = folder / "worker.sqlite3"
            shutil.copyfile(self.path, path)
            return WorkerDatabase(f"sqlite:///{path}", "sqlite", path=path)
        name = f"worker_{uuid.uuid4().hex[:10]}"
        _admin(self.admin_url, f'CREATE DATABASE "{name}" TEMPLATE "{self.name}"')
        return WorkerDatabase(self.url.rsplit("/", 1)[0] + f"/{name}", "postgres", admin_url=self.admin_url, name=name)

    def drop(self) -> None:
        if self.kind == "postgres":
            self.terminate_connections()
            _admin(self.admin_url, f'DROP DATABASE IF EXISTS "{self.name}"')

    def terminate_connections(self) -> int:
        """Cut every connection to this database (what a PostgreSQL restart does to them); returns how many."""
        rows = _admin(
            self.admin_url,
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [self.name],
        )
        return len(rows)

    def query(self, sql: str, params=()) -> list[tuple]:
        if self.kind == "sqlite":
            with sqlite3.connect(self.path, timeout=30) as connection:
                return connection.execute(sql.replace("%s", "?"), params).fetchall()
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as connection:
            cursor = connection.execute(sql, params)
            return cursor.fetchall() if cursor.description else []

    def enqueue(self, task_path: str, *args) -> str:
        """Queue a task as django_tasks_db does (one row), without a Django of this database in the test."""
        import json

        task_id = str(uuid.uuid4())
        hex_id = task_id if self.kind == "postgres" else task_id.replace("-", "")
        self.query(
            "INSERT INTO django_tasks_database_dbtaskresult (id, status, enqueued_at, args_kwargs, priority, "
            "task_path, worker_ids, queue_name, backend_name, run_after, exception_class_path, traceback) "
            "VALUES (%s, 'READY', CURRENT_TIMESTAMP, %s, 0, %s, '[]', 'default', 'default', %s, '', '')",
            [hex_id, json.dumps({"args": list(args), "kwargs": {}}), task_path, DATE_MAX[self.kind]],
        )
        return hex_id

    def task_status(self, task_id: str) -> str | None:
        rows = self.query("SELECT status FROM django_tasks_database_dbtaskresult WHERE id = %s", [task_id])
        return rows[0][0] if rows else None


def _admin(url: str, sql: str, params=()) -> list[tuple]:
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        cursor = connection.execute(sql, params)
        return cursor.fetchall() if cursor.description else []


def environment(tmp_path: Path, database: WorkerDatabase, **settings: str) -> dict[str, str]:
    inherited = {name: value for name, value in os.environ.items() if name != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "archive.settings.dev",
        "DATABASE_URL": database.url,
        "ARCHIVE_DATA_DIR": str(tmp_path),
        "ARCHIVE_VAR_DIR": str(tmp_path),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "WORK_ROOT": str(tmp_path / "work"),
        "TASKS_BACKEND": "database",
        "PYTHONUNBUFFERED": "1",
        **settings,
    }


def start_worker(env: dict[str, str], log: Path) -> subprocess.Popen:
    with open(log, "ab") as output:
        return subprocess.Popen(
            [sys.executable, "manage.py", "worker", "--interval", "0.2"],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=30)


def wait_for(condition, seconds: float, what: str, every: float = 0.2):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(every)
    raise AssertionError(f"timed out after {seconds} s waiting for {what}")


class TcpProxy:
    """Forwards 127.0.0.1:<port> to a target; cut() drops every connection and refuses new ones until
    restore(), as a database host that went away would."""

    def __init__(self, target_host: str, target_port: int):
        self.target = (target_host, target_port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.cut_off = threading.Event()
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _address = self.listener.accept()
            except OSError:
                return
            if self.cut_off.is_set():
                client.close()
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self.lock:
                self.sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                _close(end)

    def cut(self) -> None:
        self.cut_off.set()
        with self.lock:
            for end in self.sockets:
                _close(end)
            self.sockets.clear()

    def restore(self) -> None:
        self.cut_off.clear()

    def close(self) -> None:
        self.cut()
        self.listener.close()


def _close(end: socket.socket) -> None:
    try:
        end.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    end.close()
