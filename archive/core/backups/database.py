"""The database half of a backup: one consistent snapshot out, and back into an empty database.

PostgreSQL: a REPEATABLE READ transaction exports its snapshot; the list of originals and the migration
state are read in it and `pg_dump -Fc --snapshot` dumps exactly that state, while the site keeps writing.
SQLite: the backup API copies the live file page by page, consistent under concurrent writers; the list
of originals is then read from the copy. Restoring loads the dump with pg_restore, or copies the file back
with the same API. Both read the settings' connection, never the environment.
"""

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from wagtail.models import Page

from archive.core.backups.errors import BackupError
from archive.core.backups.originals import Original, read_originals
from media.models import DigitizedImage

SUFFIXES = {"postgresql": ".pgdump", "sqlite": ".sqlite3"}
# The variables libpq reads, from the keys of Django's connection settings.
PG_ENVIRONMENT = {"PGDATABASE": "NAME", "PGHOST": "HOST", "PGPORT": "PORT", "PGUSER": "USER", "PGPASSWORD": "PASSWORD"}


@dataclass
class Snapshot:
    vendor: str
    server_version: str
    migrations: dict[str, list[str]]
    originals: list[Original]


def supported_vendor() -> str:
    if connection.vendor not in SUFFIXES:
        raise BackupError(f"backups of {connection.vendor} databases are not supported (PostgreSQL, SQLite)")
    return connection.vendor


def dump(target: Path) -> Snapshot:
    """Write the database to `target` and return what it holds, read from the very same snapshot."""
    if connection.in_atomic_block:
        raise BackupError("a backup must start outside any database transaction")
    if supported_vendor() == "postgresql":
        return _dump_postgresql(target)
    return _dump_sqlite(target)


def read_migrations(cursor) -> dict[str, list[str]]:
    cursor.execute("SELECT app, name FROM django_migrations ORDER BY id")
    applied: dict[str, list[str]] = {}
    for app, name in cursor.fetchall():
        applied.setdefault(app, []).append(name)
    return applied


def _dump_postgresql(target: Path) -> Snapshot:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot(), current_setting('server_version')")
        snapshot_id, server_version = cursor.fetchone()
        migrations, originals = read_migrations(cursor), read_originals(cursor)
        # The snapshot lives as long as this transaction: pg_dump must finish inside it.
        run_pg("pg_dump", "--format=custom", f"--snapshot={snapshot_id}", f"--file={target}")
    return Snapshot("postgresql", server_version, migrations, originals)


def _dump_sqlite(target: Path) -> Snapshot:
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)
        cursor = copy.cursor()
        snapshot = Snapshot("sqlite", sqlite3.sqlite_version, read_migrations(cursor), read_originals(cursor))
    finally:
        copy.close()
    return snapshot


def restore(path: Path, vendor: str, say: Callable[[str], None]) -> None:
    """Replace the whole database with the dump at `path` (the caller has checked it may)."""
    if vendor != supported_vendor():
        raise BackupError(
            f"the backup holds a {vendor} database and this site runs on {connection.vendor}; "
            "restore it into the same kind of database"
        )
    if connection.in_atomic_block:
        raise BackupError("a restore must run outside any database transaction")
    if vendor == "postgresql":
        dropped = drop_postgresql_tables()
        say(f"  dropped {dropped} empty table(s) of the target database; loading the dump with pg_restore")
        run_pg(
            "pg_restore",
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={connection.settings_dict['NAME']}",
            str(path),
        )
    else:
        connection.ensure_connection()
        source = sqlite3.connect(path)
        try:
            source.backup(connection.connection)
        finally:
            source.close()


def drop_postgresql_tables() -> int:
    """pg_restore creates every table itself: the target keeps none of its own, not even empty ones."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        tables = [row[0] for row in cursor.fetchall()]
        if tables:
            cursor.execute("DROP TABLE " + ", ".join(connection.ops.quote_name(t) for t in tables) + " CASCADE")
        cursor.execute("SELECT sequencename FROM pg_sequences WHERE schemaname = current_schema()")
        for (sequence,) in cursor.fetchall():
            cursor.execute(f"DROP SEQUENCE {connection.ops.quote_name(sequence)} CASCADE")
    return len(tables)


def run_pg(program: str, *arguments: str) -> None:
    """Run a PostgreSQL client with the site's connection settings, passed the way libpq reads them."""
    executable = shutil.which(program)
    if executable is None:
        raise BackupError(
            f"{program} is not installed: install the PostgreSQL client of the server's major "
            "version (Debian: postgresql-client)"
        )
    settings = connection.settings_dict
    env = dict(os.environ)
    for variable, key in PG_ENVIRONMENT.items():
        if settings.get(key):
            env[variable] = str(settings[key])
    if settings.get("OPTIONS", {}).get("sslmode"):
        env["PGSSLMODE"] = settings["OPTIONS"]["sslmode"]
    result = subprocess.run([executable, *arguments], env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{program} failed (exit {result.returncode}): {result.stderr.strip()}")


def content_summary() -> list[str]:
    """What the database holds that a fresh installation does not: empty means a restore may go ahead."""
    tables = set(connection.introspection.table_names())
    found = []
    checks = (
        ("user(s)", get_user_model()),
        ("digitized image(s)", DigitizedImage),
        ("page(s) besides Wagtail's own root and welcome page", Page),
    )
    for label, model in checks:
        if model._meta.db_table not in tables:
            continue
        rows = model.objects.all()
        if model is Page:
            rows = rows.exclude(content_type__app_label="wagtailcore", content_type__model="page")
        count = rows.count()
        if count:
            found.append(f"{count} {label}")
    return found
