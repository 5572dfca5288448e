"""Builders for the deployment tests: the production environment, a self-signed certificate, and the repo's
nginx site rendered for a temporary prefix and unprivileged ports."""

import os
import pwd
import re
import secrets
import socket
import subprocess
import sys
import time
from http.client import HTTPConnection
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
SITE_NAME = "archive.test"
PLACEHOLDER_HOST = "archive.example.lt"
# Variables of the developer's or CI's shell that would change what the production processes do.
DROPPED_VARIABLES = (
    "DJANGO_SETTINGS_MODULE",
    "DATABASE_URL",
    "BIND",
    "FORWARDED_ALLOW_IPS",
    "S3_BUCKET",
    "TASKS_BACKEND",
    "SEARCH_BACKEND",
    "DEBUG",
    "METRICS_ALLOWED_IPS",
    "METRICS_TOKEN",
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def public_address() -> str | None:
    """This machine's address on its outward interface (no packet is sent), or None without one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))
        except OSError:
            return None
        address = probe.getsockname()[0]
    return None if address.startswith("127.") else address


def wait_until_listening(port: int, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode} before listening on {port}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError(f"nothing listens on port {port} after {seconds} s")


def listening_addresses(port: int) -> set[str]:
    """Local addresses of the TCP sockets listening on `port`, as the kernel lists them (hex, /proc/net)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(table):
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            address, _, hex_port = fields[1].rpartition(":")
            if int(hex_port, 16) == port and fields[3] == "0A":  # 0A: LISTEN
                found.add(address)
    return found


EDITOR = ("front-editor", secrets.token_urlsafe(12))
CREATE_EDITOR = "from django.contrib.auth.models import User; User.objects.create_superuser({!r}, password={!r})"


def login_status(connect, host: str, origin: str) -> int:
    """The admin login as a browser sends it through the front (the form's cookie and token, its Origin): the
    status of the POST, 302 when the editor is let in."""
    connection: HTTPConnection = connect()
    try:
        connection.request("GET", "/admin/login/", headers={"Host": host})
        form = connection.getresponse()
        page = form.read().decode()
        assert form.status == 200, (form.status, page[:300])
        cookie = re.search(r"csrftoken=([^;,]+)", form.getheader("Set-Cookie") or "")[1]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
        body = urlencode(
            {"csrfmiddlewaretoken": token, "username": EDITOR[0], "password": EDITOR[1], "next": "/admin/"}
        )
        connection.request(
            "POST",
            "/admin/login/",
            body=body,
            headers={
                "Host": host,
                "Origin": origin,
                "Referer": f"{origin}/admin/login/",
                "Cookie": f"csrftoken={cookie}",
                "Content-Type": "application/x-www-form-urlencoded",
            },
        )
        answer = connection.getresponse()
        answer.read()
        return answer.status
    finally:
        connection.close()


LOOPBACK_HEX = {"0100007F", "00000000000000000000000001000000"}  # 127.0.0.1 and ::1


def embedded_site(folder: Path, setup: str) -> dict[str, str]:
    """The environment of an embedded run (`make serve`'s settings) over its own data folder under `folder`,
    its migrations applied and then `setup` (a `manage.py shell` script) run."""
    environment = {name: value for name, value in os.environ.items() if name not in DROPPED_VARIABLES}
    environment.update(
        {
            "ARCHIVE_DATA_DIR": str(folder / "var"),
            "DJANGO_SETTINGS_MODULE": "archive.settings.dev",
            "STATIC_ROOT": str(folder / "static"),
        }
    )
    for command in (["migrate", "--noinput"], ["shell", "-c", setup]):
        done = subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert done.returncode == 0, done.stdout + done.stderr
    return environment


def serve(environment: dict[str, str], port: int, *options: str) -> tuple[subprocess.Popen, str]:
    """Start scripts/serve.py; returns it and what it said up to "Ctrl+C stops them."."""
    process = subprocess.Popen(
        [sys.executable, "scripts/serve.py", "--port", str(port), *options],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    said = []
    for line in process.stdout:
        said.append(line)
        if line.startswith("Ctrl+C"):
            break
    return process, "".join(said)


def production_environment(folder: Path, port: int) -> dict[str, str]:
    environment = {name: value for name, value in os.environ.items() if name not in DROPPED_VARIABLES}
    environment.update(
        {
            "DJANGO_SETTINGS_MODULE": "archive.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": SITE_NAME,
            "PUBLIC_BASE_URL": f"https://{SITE_NAME}",
            "DATABASE_URL": f"sqlite:///{folder / 'archive.sqlite3'}",
            "ARCHIVE_DATA_DIR": str(folder / "data"),
            "STATIC_ROOT": str(folder / "static"),
            "PORT": str(port),
            "WEB_CONCURRENCY": "1",
        }
    )
    return environment


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    certificate, key = folder / "fullchain.pem", folder / "privkey.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-days",
            "2",
            "-subj",
            f"/CN={SITE_NAME}",
            "-addext",
            f"subjectAltName=DNS:{SITE_NAME},IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(certificate),
        ],
        check=True,
        capture_output=True,
    )
    return certificate, key


def substitute(text: str, old: str, new: str) -> str:
    """Replace, insisting the repo's file still says `old`: a test must not pass on a file it did not render."""
    if old not in text:
        raise AssertionError(f"deploy/nginx no longer contains {old!r}; update tests/deploy/stack.py")
    return text.replace(old, new)


PUBLIC_TILES = "/var/lib/archive/media/iiif-public"
ERROR_PAGES = "/srv/archive/deploy/nginx/errors/"  # deploy/nginx/archive-errors.conf, read from the checkout


def render_site(
    prefix: Path,
    *,
    http: int,
    https: int,
    upstream: int,
    certificate: Path,
    key: Path,
    static_root: Path,
    public_tiles: Path | None = None,
) -> Path:
    """deploy/nginx/ as nginx would read it on a server, with this test's ports, files and prefix."""
    proxy = prefix / "archive-proxy.conf"
    proxy.write_text((DEPLOY / "nginx" / "archive-proxy.conf").read_text())
    iiif = prefix / "archive-iiif.conf"
    tiles = (DEPLOY / "nginx" / "archive-iiif.conf").read_text()
    iiif.write_text(substitute(tiles, PUBLIC_TILES, str(public_tiles or prefix / "iiif-public")))
    maps = prefix / "archive-maps.conf"
    maps.write_text((DEPLOY / "nginx" / "archive-maps.conf").read_text())
    errors = prefix / "archive-errors.conf"
    errors.write_text(
        substitute(
            (DEPLOY / "nginx" / "archive-errors.conf").read_text(), ERROR_PAGES, f"{DEPLOY / 'nginx' / 'errors'}/"
        )
    )
    site = (DEPLOY / "nginx" / "archive.conf").read_text()
    site = re.sub(r"^\s*listen \[::\].*\n", "", site, flags=re.MULTILINE)  # the test machine may lack IPv6
    for old, new in [
        ("listen 80;", f"listen {http};"),
        ("listen 443 ssl http2;", f"listen {https} ssl http2;"),
        ("server 127.0.0.1:8000;", f"server 127.0.0.1:{upstream};"),
        (f"/etc/letsencrypt/live/{PLACEHOLDER_HOST}/fullchain.pem", str(certificate)),
        (f"/etc/letsencrypt/live/{PLACEHOLDER_HOST}/privkey.pem", str(key)),
        (PLACEHOLDER_HOST, SITE_NAME),
        ("include snippets/archive-proxy.conf;", f"include {proxy};"),
        ("include snippets/archive-iiif.conf;", f"include {iiif};"),
        ("include snippets/archive-maps.conf;", f"include {maps};"),
        ("include snippets/archive-errors.conf;", f"include {errors};"),
        ("/srv/archive/static_collected/", f"{static_root}/"),
        ("/var/www/letsencrypt", str(prefix / "acme")),
        ("/var/log/nginx/", f"{prefix}/"),
    ]:
        site = substitute(site, old, new)
    (prefix / "site.conf").write_text(site)
    return write_main_config(prefix)


def write_main_config(prefix: Path) -> Path:
    """A minimal nginx.conf around the site: Debian's own is the http block's includes and defaults."""
    for folder in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (prefix / "temp" / folder).mkdir(parents=True, exist_ok=True)
    # As root, nginx would hand the workers to "nobody", who cannot read this test's files.
    user = f"user {pwd.getpwuid(os.geteuid()).pw_name};" if os.geteuid() == 0 else ""
    config = prefix / "nginx.conf"
    config.write_text(f"""
{user}
worker_processes 1;
daemon off;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    client_body_temp_path {prefix}/temp/client_body;
    proxy_temp_path {prefix}/temp/proxy;
    fastcgi_temp_path {prefix}/temp/fastcgi;
    uwsgi_temp_path {prefix}/temp/uwsgi;
    scgi_temp_path {prefix}/temp/scgi;
    include {prefix}/site.conf;
}}
""")
    return config
