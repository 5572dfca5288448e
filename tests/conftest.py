"""Fixtures shared by the whole suite."""

import os

import pytest

from tests.factories import make_collection, make_home

# The S3 server's fixtures (`bucket`, `s3_media`) for any test that names them; --database-only (CI).
pytest_plugins = ["tests.s3_service", "tests.database_only"]


def pytest_collection_modifyitems(config, items):
    """In CI a service test must run: turn its skip into a failure so a missing service cannot hide."""
    if os.environ.get("CI", "").lower() != "true":
        return
    for item in items:
        if item.get_closest_marker("service"):
            item.add_marker(pytest.mark.ci_service)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.skipped and item.get_closest_marker("ci_service"):
        report.outcome = "failed"
        report.longrepr = f"service test skipped in CI (CI=true): {report.longrepr}"


@pytest.fixture
def home(db):
    return make_home()


@pytest.fixture
def collection(home):
    return make_collection(home, title="Vitražai", slug="vitrazai")
