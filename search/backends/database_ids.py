"""A set of page ids as one SQL parameter, for the database backend's queries over the matches.

The backend reads the matching ids once and asks every facet and the page of hits about them. Written
as `pk IN (1, 2, ...)` that is one parameter per id, which SQLite caps (32,766) and every database parses
anew; as a JSON array (SQLite's json_each) or an array (PostgreSQL's unnest) it is one parameter.
"""

import json
from collections.abc import Sequence

from django.db import connection
from django.db.models.expressions import RawSQL


def among(ids: Sequence[int]):
    """An expression for `field__in=among(ids)`: the ids as a one-column subquery."""
    if connection.vendor == "sqlite":
        return RawSQL("SELECT value FROM json_each(%s)", (json.dumps(list(ids)),))
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", (list(ids),))
    return list(ids)
