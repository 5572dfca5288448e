"""Every operator command of ours runs as an administrator runs it: from the shell, system checks first."""

import inspect
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import get_commands, load_command_class
from django.core.management.base import BaseCommand

ROOT = Path(__file__).resolve().parents[2]
OURS = ("archive", "media", "search")
# What a command is meant to set or override; any other name of BaseCommand's replaces Django's machinery
# (a method called `check` once made every import_items run fail before it started).
MEANT_TO_OVERRIDE = {
    "handle",
    "add_arguments",
    "help",
    "requires_system_checks",
    "requires_migrations_checks",
    "output_transaction",
    "suppressed_base_arguments",
    "stealth_options",
    "create_parser",
}


def our_commands() -> list[tuple[str, type]]:
    return sorted(
        (name, type(load_command_class(app, name))) for name, app in get_commands().items() if app.split(".")[0] in OURS
    )


@pytest.mark.parametrize("name, command", our_commands(), ids=lambda value: value if isinstance(value, str) else "")
def test_no_command_replaces_what_django_calls(name, command):
    base = set(dir(BaseCommand))
    own = {
        attribute
        for klass in inspect.getmro(command)
        if klass.__module__.split(".")[0] in OURS
        for attribute in vars(klass)
        if not attribute.startswith("__")
    }
    assert not (own & base) - MEANT_TO_OVERRIDE, f"{name} replaces {sorted((own & base) - MEANT_TO_OVERRIDE)}"


def test_import_items_runs_from_the_shell_with_its_system_checks(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "import_items", "--template"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={
            "PATH": "/usr/bin:/bin",
            "ARCHIVE_DATA_DIR": str(tmp_path),
            "DJANGO_SETTINGS_MODULE": "archive.settings.test",
        },
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "inventory_number" in result.stdout
