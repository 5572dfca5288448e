"""--database-only (tests/database_only.py) keeps exactly the tests that use the database, and says how many
it left out; run on a small sample suite in a pytest of its own."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = """
import pytest


@pytest.fixture
def saved_home(db):
    return "a fixture that needs the database"


def test_with_db(db): pass
@pytest.mark.django_db
def test_marked(): pass
@pytest.mark.django_db(transaction=True)
class TestMarkedClass:
    def test_in_class(self): pass
def test_through_a_fixture(saved_home): pass
def test_live(live_server): pass
def test_transactional(transactional_db): pass
def test_plain(): pass
def test_settings_only(settings): pass
@pytest.mark.parametrize("n", [1, 2])
def test_parametrized_plain(n): pass
"""
USING = {"test_with_db", "test_marked", "test_in_class", "test_through_a_fixture", "test_live", "test_transactional"}


def collect(tmp_path, *options: str) -> subprocess.CompletedProcess:
    (tmp_path / "test_sample.py").write_text(SAMPLE)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "tests.database_only",
            "-p",
            "no:cacheprovider",
            "--ds=archive.settings.test",
            "--rootdir",
            str(tmp_path),
            "-c",
            os.devnull,
            "--collect-only",
            "-q",
            *options,
            str(tmp_path),
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def collected(result: subprocess.CompletedProcess) -> set[str]:
    return {line.rsplit("::", 1)[1].split("[")[0] for line in result.stdout.splitlines() if "::" in line}


def test_database_only_keeps_the_tests_that_use_the_database_and_counts_the_rest(tmp_path):
    result = collect(tmp_path, "--database-only")
    assert result.returncode == 0, result.stdout + result.stderr
    assert collected(result) == USING
    assert "--database-only: 6 tests use the database; 4 that do not were deselected" in result.stdout
    assert "6/10 tests collected (4 deselected)" in result.stdout


def test_without_the_option_every_test_runs(tmp_path):
    result = collect(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert collected(result) == USING | {"test_plain", "test_settings_only", "test_parametrized_plain"}
    assert "--database-only" not in result.stdout
