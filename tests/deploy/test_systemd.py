"""deploy/systemd/: `systemd-analyze verify` accepts the units (with /srv/archive pointing at this checkout),
every service runs sandboxed as the archive user, and the timers start commands that exist."""

import configparser
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import get_commands

from tests.deploy.stack import DEPLOY, ROOT

UNITS = DEPLOY / "systemd"
SERVICES = sorted(UNITS.glob("*.service"))
TIMERS = sorted(UNITS.glob("*.timer"))
# What every service of the archive runs with: its own user, the environment file, a read-only system.
SANDBOX = {
    "User": "archive",
    "Group": "archive",
    "WorkingDirectory": "/srv/archive",
    "EnvironmentFile": "/etc/archive/archive.env",
    "ReadWritePaths": "/var/lib/archive /var/cache/archive",
    "StateDirectory": "archive",
    "NoNewPrivileges": "yes",
    "ProtectSystem": "strict",
    "ProtectHome": "yes",
    "PrivateTmp": "yes",
    "PrivateDevices": "yes",
    "RestrictSUIDSGID": "yes",
    "CapabilityBoundingSet": "",
    "SystemCallFilter": "@system-service",
}
# systemd before 254 (Debian 12) does not know the restart backoff and says so; it then restarts every RestartSec.
BACKOFF_KEYS = ("RestartSteps", "RestartMaxDelaySec")


def unit(path: Path) -> configparser.RawConfigParser:
    parser = configparser.RawConfigParser(strict=False, delimiters=("=",), comment_prefixes=("#", ";"))
    parser.optionxform = str
    parser.read(path)
    return parser


def systemd_version() -> int:
    first = subprocess.run(["systemd-analyze", "--version"], capture_output=True, text=True).stdout.split()
    return int(first[1]) if len(first) > 1 and first[1].isdigit() else 0


@pytest.mark.service
def test_systemd_analyze_verifies_the_units(tmp_path):
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze is not installed (Debian's systemd package)")
    for path in [*SERVICES, *TIMERS]:  # the units as installed, with the checkout where /srv/archive would be
        (tmp_path / path.name).write_text(path.read_text().replace("/srv/archive", str(ROOT)))
    instances = ["archive-worker@1.service", "archive-manage@publish_scheduled.service"]
    names = [str(tmp_path / path.name) for path in [*SERVICES, *TIMERS]] + instances
    result = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", *names], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    complaints = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    if systemd_version() < 254:
        complaints = [line for line in complaints if not re.search(rf"Unknown key '({'|'.join(BACKOFF_KEYS)})'", line)]
    assert result.returncode == 0 and not complaints, "\n".join(complaints)


def test_every_service_is_sandboxed_as_the_archive_user():
    assert {path.name for path in SERVICES} == {
        "archive-web.service",
        "archive-worker@.service",
        "archive-manage@.service",
    }
    for path in SERVICES:
        service = dict(unit(path)["Service"])
        assert {key: service.get(key) for key in SANDBOX} == SANDBOX, path.name


def test_long_running_services_restart_with_a_backoff():
    for name in ("archive-web.service", "archive-worker@.service"):
        parsed = unit(UNITS / name)
        assert parsed["Service"]["Restart"] == "always"
        assert all(key in parsed["Service"] for key in ("RestartSec", *BACKOFF_KEYS)), name
        assert parsed["Unit"]["StartLimitIntervalSec"] == "0", name  # never gives up


def test_the_web_unit_runs_gunicorn_with_the_repo_configuration():
    service = unit(UNITS / "archive-web.service")["Service"]
    assert service["ExecStart"] == "/srv/archive/.venv/bin/gunicorn -c gunicorn.conf.py archive.wsgi"
    assert service["Type"] == "notify"  # gunicorn tells systemd when it is ready
    assert service["ExecReload"] == "/bin/kill -s HUP $MAINPID"  # gunicorn's graceful reload


def test_timers_run_management_commands_that_exist():
    commands = get_commands()
    started = {}
    for path in TIMERS:
        target = unit(path)["Timer"]["Unit"]
        command = re.fullmatch(r"archive-manage@(\w+)\.service", target).group(1)
        assert command in commands, f"{path.name}: no manage.py {command}"
        started[command] = path.name
    assert "publish_scheduled" in started
