#!/usr/bin/env python3
"""`make serve`: the embedded default (SQLite, local files, database search) served the way production is.

gunicorn (gunicorn.conf.py) runs the site, without an access log line for image requests; where nginx is
installed it stands in front on PORT, as deploy/nginx/ does in production: public images' tile files straight
from the disk (deploy/nginx/archive-iiif.conf), everything else to gunicorn on PORT+1. Its configuration is
rendered into the data folder (var/serve/nginx/). Without nginx, gunicorn alone listens on PORT. Missing tile
files of ready images are written first (manage.py build_tile_files). Ctrl+C stops everything it started.
"""

import argparse
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NGINX_DIR = ROOT / "deploy" / "nginx"
PUBLIC_TILES_PLACEHOLDER = "/var/lib/archive/media/iiif-public"
ERROR_PAGES_PLACEHOLDER = "/srv/archive/deploy/nginx/errors/"
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
    if subprocess.run([sys.executable, "manage.py", "build_tile_files"], cwd=ROOT, env=environment).returncode:
        return fail("manage.py build_tile_files failed (above); the site would serve every tile from Python")
    nginx = None if options.no_nginx else shutil.which("nginx", path=f"{os.environ.get('PATH', '')}:/usr/sbin")
    app_port = options.port + 1 if nginx else options.port
    for port in {options.port, app_port}:
        if in_use(port):
            return fail(f"port {port} is in use: stop what listens there or choose PORT=...")
    processes = []
    try:
        processes.append(start_gunicorn(environment, app_port))
        if not wait_listening(processes[-1], app_port):
            return fail(f"gunicorn did not start listening on :{app_port} (its log is above)")
        if nginx:
            config = render_front(Path(paths["data"]) / "serve" / "nginx", options.port, app_port, paths["tiles"])
            tested = subprocess.run([nginx, *nginx_arguments(config), "-t"], capture_output=True, text=True)
            if tested.returncode:
                return fail(f"nginx refused its configuration ({config}):\n{tested.stderr}")
            processes.append(subprocess.Popen([nginx, *nginx_arguments(config)], start_new_session=True))
            print(f"nginx in front on :{options.port}, gunicorn on :{app_port} (http://127.0.0.1:{options.port})")
        else:
            print(f"nginx not found: gunicorn alone on :{options.port} (http://127.0.0.1:{options.port})"
                  if not options.no_nginx else f"gunicorn alone on :{options.port}")
        print("Ctrl+C stops them.", flush=True)
        return watch(processes)
    finally:
        stop(processes)


def django_paths(environment: dict[str, str]) -> dict[str, str]:
    """The data folder and the public tile tree, as the settings say (they read the environment)."""
    code = ("from django.conf import settings; from media.iiif.public_tiles import public_root; "
            "print(settings.DATA_DIR); print(public_root())")
    done = subprocess.run([sys.executable, "-c", f"import django; django.setup(); {code}"], cwd=ROOT,
                          env=environment, capture_output=True, text=True, check=True)
    data, tiles = done.stdout.split("\n")[:2]
    return {"data": data, "tiles": tiles}


def start_gunicorn(environment: dict[str, str], port: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "archive.wsgi"]
    return subprocess.Popen(command, cwd=ROOT, env={**environment, "BIND": f"127.0.0.1:{port}"},
                            start_new_session=True)


def render_front(prefix: Path, port: int, app_port: int, tiles: str) -> Path:
    """deploy/nginx's snippets (proxy, tiles, error pages and their maps) inside a small plain-HTTP server for
    this port."""
    for folder in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (prefix / "temp" / folder).mkdir(parents=True, exist_ok=True)
    proxy = prefix / "archive-proxy.conf"
    proxy.write_text((NGINX_DIR / "archive-proxy.conf").read_text())
    iiif = prefix / "archive-iiif.conf"
    iiif.write_text((NGINX_DIR / "archive-iiif.conf").read_text().replace(PUBLIC_TILES_PLACEHOLDER, tiles))
    maps = prefix / "archive-maps.conf"
    maps.write_text((NGINX_DIR / "archive-maps.conf").read_text())
    errors = prefix / "archive-errors.conf"
    errors.write_text((NGINX_DIR / "archive-errors.conf").read_text().replace(
        ERROR_PAGES_PLACEHOLDER, f"{NGINX_DIR / 'errors'}/"))
    mime = "include /etc/nginx/mime.types;" if Path("/etc/nginx/mime.types").exists() else "types { image/jpeg jpg; }"
    # As root, nginx would hand its workers to "nobody", who may not read the data folder.
    user = f"user {pwd.getpwuid(os.geteuid()).pw_name};" if os.geteuid() == 0 else ""
    config = prefix / "nginx.conf"
    config.write_text(f"""# Written by scripts/serve.py for `make serve`; rewritten on every start.
{user}
worker_processes 2;
daemon off;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 512; }}
http {{
    {mime}
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    tcp_nopush on;  # as Debian's nginx.conf: headers and the start of a tile in one packet
    keepalive_requests 10000;  # a deep-zoom viewer asks for thousands of tiles on one connection
    client_max_body_size 2049m;
    proxy_request_buffering off;
    client_body_temp_path {prefix}/temp/client_body;
    proxy_temp_path {prefix}/temp/proxy;
    fastcgi_temp_path {prefix}/temp/fastcgi;
    uwsgi_temp_path {prefix}/temp/uwsgi;
    scgi_temp_path {prefix}/temp/scgi;
    include {maps};
    upstream archive_app {{
        server 127.0.0.1:{app_port};
        keepalive 16;
        keepalive_timeout 4s;
    }}
    server {{
        listen 127.0.0.1:{port};
        include {errors};
        include {iiif};
        location @app {{ include {proxy}; }}
        location / {{ include {proxy}; }}
    }}
}}
""")
    return config


def nginx_arguments(config: Path) -> list[str]:
    return ["-p", str(config.parent), "-c", str(config), "-e", str(config.parent / "error.log")]


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


def watch(processes: list[subprocess.Popen]) -> int:
    """Until Ctrl+C (or SIGTERM): 0. A process that exits by itself stops the others: 1."""
    stopping = []
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: stopping.append(True))
    while not stopping:
        for process in processes:
            if process.poll() is not None:
                return fail(f"{Path(process.args[0]).name} {' '.join(process.args[1:3])} exited "
                            f"with {process.returncode}; stopping")
        time.sleep(0.2)
    print("stopping ...", flush=True)
    return 0


def stop(processes: list[subprocess.Popen]) -> None:
    for process in reversed(processes):
        if process.poll() is None:
            process.terminate()
    for process in reversed(processes):
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def fail(message: str) -> int:
    print(f"make serve: {message}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
