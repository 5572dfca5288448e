"""`make run`, the one-command first start, serves the way production does (scripts/serve.py, as `make serve`);
`make run DEV=1` uses Django's development server, which reloads on code changes. Read from make's plan
(`make -n`): the first start's steps themselves are what `make run` always ran."""

import subprocess

from tests.deploy.stack import ROOT


def planned(*arguments: str) -> list[str]:
    done = subprocess.run(
        ["make", "-n", "--no-print-directory", "run", "PORT=8123", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout.splitlines()


def test_make_run_serves_through_scripts_serve_after_the_first_start_steps():
    lines = planned()
    assert "scripts/serve.py --port 8123" in lines[-1], lines
    assert not any("runserver" in line for line in lines), lines
    editor = next(number for number, line in enumerate(lines) if "manage.py ensure_editor --port 8123" in line)
    assert editor < len(lines) - 1  # the login is printed before the server starts


def test_make_run_dev_uses_the_development_server_with_autoreload():
    last = planned("DEV=1")[-1]
    assert "manage.py runserver 127.0.0.1:8123" in last and "--noreload" not in last, last
