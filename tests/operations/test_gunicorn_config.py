"""gunicorn.conf.py as gunicorn reads it: settings a second instance of the same user must not disturb."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def printed_config() -> dict[str, str]:
    environment = {
        **os.environ,
        "SECRET_KEY": "test-only-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
    }
    done = subprocess.run(
        [sys.executable, "-m", "gunicorn", "--print-config", "-c", "gunicorn.conf.py", "archive.wsgi"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return dict((part.strip() for part in line.split("=", 1)) for line in done.stdout.splitlines() if "=" in line)


def test_no_control_socket_in_the_users_home():
    """gunicorn 24+ opens $HOME/.gunicorn/gunicorn.ctl; two instances of one user took over each other's
    (found by a stranger running make run beside other runs). Nothing here uses it: it is off."""
    assert printed_config()["control_socket_disable"] == "True"
