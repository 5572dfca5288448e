"""An admin import's progress, visible while its one transaction is still open.

Rows are written in a single transaction, so an update of the job's row inside it would show only once
everything is committed. On PostgreSQL the progress is written through a second connection of its own,
committed at once. SQLite allows one writer at a time, so there the admin sees "running" until the end
(the embedded run imports inside the confirming request anyway).
"""

from django.db import DEFAULT_DB_ALIAS, connections

from .models import ImportJob


class JobProgress:
    def __init__(self, job: ImportJob):
        self.job_id = job.pk
        main = connections[DEFAULT_DB_ALIAS]
        self.connection = connections.create_connection(DEFAULT_DB_ALIAS) if main.vendor == "postgresql" else None

    def __call__(self, done: int, total: int) -> None:
        if self.connection is None:
            return
        table = self.connection.ops.quote_name(ImportJob._meta.db_table)
        with self.connection.cursor() as cursor:
            cursor.execute(f"UPDATE {table} SET done = %s, total = %s WHERE id = %s", [done, total, self.job_id])

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
