#!/usr/bin/env python3
"""`make serve`: the embedded default (SQLite, local files, database search) served the way production is.

gunicorn (gunicorn.conf.py) runs the site, without an access log line for image requests; where nginx is
installed it stands in front on PORT, as deploy/nginx/ does in production: static files from STATIC_ROOT
(collected at start) and public images' tile files straight from the disk, everything else to gunicorn on
PORT+1 (scripts/serve_front.py; rendered into the data folder, var/serve/nginx/). Without nginx, gunicorn
alone listens on PORT. Missing tile files of ready images are written first (manage.py build_tile_files).
Ctrl+C stops everything it started; when one server dies, the other is stopped and the command fails.
"""

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from serve_front import nginx_arguments, render_front

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = "archive.settings.dev"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8000, help="the port to serve on (default 8000)")
    parser.add_argument("--no-nginx", action="store_true", help="gunicorn alone, even where nginx is installed")
    options = parser.parse_args()
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS}
    environment.setdefault("ACCESS_LOG", "skip-iiif")
    environment.setdefault("PUBLIC_BASE_URL", f"http://127.0.0.1:{options.port}")
    paths = django_paths(environment)
    nginx = None if options.no_nginx else shutil.which("nginx", path=f"{os.environ.get('PATH', '')}:/usr/sbin")
    steps = [["build_tile_files"], *([["collectstatic", "--noinput", "--verbosity", "0"]] if nginx else [])]
    for step in steps:
        if subprocess.run([sys.executable, "manage.py", *step], cwd=ROOT, env=environment).returncode:
            return fail(f"manage.py {step[0]} failed (above)")
    app_port = options.port + 1 if nginx else options.port
    for port in {options.port, app_port}:
        if in_use(port):
            return fail(f"port {port} is in use: stop what listens there or choose PORT=...")
    servers: dict[str, subprocess.Popen] = {}
    try:
        servers["gunicorn"] = start_gunicorn(environment, app_port)
        if not wait_listening(servers["gunicorn"], app_port):
            return fail(f"gunicorn did not start listening on :{app_port} (its log is above)")
        if nginx:
            config = render_front(
                Path(paths["data"]) / "serve" / "nginx", options.port, app_port, paths["tiles"], paths["static"]
            )
            tested = subprocess.run([nginx, *nginx_arguments(config), "-t"], capture_output=True, text=True)
            if tested.returncode:
                return fail(f"nginx refused its configuration ({config}):\n{tested.stderr}")
            servers["nginx"] = subprocess.Popen([nginx, *nginx_arguments(config)], start_new_session=True)
            print(f"nginx in front on :{options.port}, gunicorn on :{app_port} (http://127.0.0.1:{options.port})")
        else:
            print(
                f"nginx not found: gunicorn alone on :{options.port} (http://127.0.0.1:{options.port})"
                if not options.no_nginx
                else f"gunicorn alone on :{options.port}"
            )
        print("Ctrl+C stops them.", flush=True)
        return watch(servers)
    finally:
        stop(servers)


def django_paths(environment: dict[str, str]) -> dict[str, str]:
    """The data folder, the public tile tree and STATIC_ROOT, as the settings say (they read the environment)."""
    code = (
        "from django.conf import settings; from media.iiif.public_tiles import public_root; "
        "print(settings.DATA_DIR); print(public_root()); print(settings.STATIC_ROOT)"
    )
    done = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    data, tiles, static = done.stdout.split("\n")[:3]
    return {"data": data, "tiles": tiles, "static": static}


def start_gunicorn(environment: dict[str, str], port: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "archive.wsgi"]
    return subprocess.Popen(command, cwd=ROOT, env={**environment, "BIND": f"127.0.0.1:{port}"}, start_new_session=True)


def in_use(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def wait_listening(process: subprocess.Popen, port: int, seconds: float = 120) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        if in_use(port):
            return True
        time.sleep(0.2)
    return False


def watch(servers: dict[str, subprocess.Popen]) -> int:
    """Until Ctrl+C (or SIGTERM): 0. A server that exits by itself (or is killed) stops the others: 1."""
    stopping = []
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: stopping.append(True))
    while not stopping:
        for name, process in servers.items():
            if process.poll() is not None:
                code = process.returncode
                how = f"was killed by {signal.Signals(-code).name}" if code < 0 else f"exited with {code}"
                others = " and ".join(other for other in servers if other != name) or "nothing else"
                return fail(f"{name} (pid {process.pid}) {how}: stopping {others}")
        time.sleep(0.2)
    print("stopping ...", flush=True)
    return 0


def stop(servers: dict[str, subprocess.Popen], seconds: float = 30) -> None:
    """Each server's whole process group (they run in sessions of their own): a master killed outright leaves
    its workers behind, and nginx's workers would go on serving the port."""
    for process in servers.values():
        signal_group(process.pid, signal.SIGTERM)
    deadline = time.monotonic() + seconds
    for process in servers.values():
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            pass
        while group_alive(process.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        signal_group(process.pid, signal.SIGKILL)
        process.wait()


def signal_group(group: int, number: signal.Signals) -> None:
    try:
        os.killpg(group, number)
    except (ProcessLookupError, PermissionError):
        pass


def group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except (ProcessLookupError, PermissionError):
        return False
    return True


def fail(message: str) -> int:
    print(f"serve.py: {message}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
