"""`--database-only`: run only the tests that reach the test database, for CI's second database pass.

A test reaches the database through pytest-django alone: a `django_db` marker, or a fixture whose closure
holds one of DATABASE_FIXTURES (`db`, `transactional_db`, `live_server`, `django_db_setup`; `home`,
`admin_client` and the like depend on them). Without either, pytest-django blocks every query, so such a test
runs the same on any database and one pass (SQLite) is enough. Tests that start their own processes on their
own databases (tests/operations/worker_processes.py) choose those databases themselves.
"""

import pytest

OPTION = "--database-only"
DATABASE_FIXTURES = frozenset({"db", "transactional_db", "live_server", "django_db_setup"})
DESELECTED = pytest.StashKey[tuple[int, int]]()  # (deselected, kept), for the report


def pytest_addoption(parser):
    parser.addoption(
        OPTION,
        action="store_true",
        default=False,
        help="run only the tests that use the database (a django_db marker or a database fixture); "
        "deselect the rest and say how many (CI's PostgreSQL pass)",
    )


def uses_database(item) -> bool:
    fixtures = getattr(item, "fixturenames", ())
    return item.get_closest_marker("django_db") is not None or not DATABASE_FIXTURES.isdisjoint(fixtures)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    if not config.getoption(OPTION):
        return
    kept = [item for item in items if uses_database(item)]
    deselected = [item for item in items if not uses_database(item)]
    config.stash[DESELECTED] = (len(deselected), len(kept))
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = kept


def pytest_report_collectionfinish(config, start_path, items):
    if DESELECTED in config.stash:
        deselected, kept = config.stash[DESELECTED]
        return f"{OPTION}: {kept} tests use the database; {deselected} that do not were deselected"
    return None
