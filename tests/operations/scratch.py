"""A scratch database for the operations tests: restores go there, never into the suite's own database."""

import copy
import uuid
from contextlib import contextmanager
from pathlib import Path

from django.db import connections


@contextmanager
def scratch_database(tmp_path: Path):
    """Point the default connection at a new, empty database for a while, then drop it. The suite's own test
    database (and on PostgreSQL the server's other databases) are left alone."""
    original = connections["default"]
    settings_dict = copy.deepcopy(original.settings_dict)
    if original.vendor == "postgresql":
        settings_dict["NAME"] = f"{original.settings_dict['NAME']}_drill_{uuid.uuid4().hex[:8]}"
        with original.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{settings_dict["NAME"]}"')
    else:
        settings_dict["NAME"] = str(tmp_path / f"drill-{uuid.uuid4().hex[:8]}.sqlite3")
    scratch = original.__class__(settings_dict, alias="default")
    connections["default"] = scratch
    try:
        yield
    finally:
        scratch.close()
        connections["default"] = original
        if original.vendor == "postgresql":
            with original.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{settings_dict["NAME"]}" WITH (FORCE)')
