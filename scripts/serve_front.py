"""nginx in front of `make serve` (scripts/serve.py): deploy/nginx's snippets, and archive.conf's own /static/
block, inside a small plain-HTTP server for one port, rendered into the data folder on every start."""

import os
import pwd
import re
from pathlib import Path

NGINX_DIR = Path(__file__).resolve().parents[1] / "deploy" / "nginx"
PUBLIC_TILES_PLACEHOLDER = "/var/lib/archive/media/iiif-public"
ERROR_PAGES_PLACEHOLDER = "/srv/archive/deploy/nginx/errors/"
STATIC_ROOT_PLACEHOLDER = "/srv/archive/static_collected/"


def static_location(static_root: str) -> str:
    """archive.conf's `location /static/ { ... }` as production has it (STATIC_ROOT, a year for hashed names,
    an hour for the rest), aliased to this STATIC_ROOT."""
    site = (NGINX_DIR / "archive.conf").read_text()
    start = re.search(r"^\s*location /static/ \{", site, flags=re.MULTILINE)
    if start is None or STATIC_ROOT_PLACEHOLDER not in site:
        raise RuntimeError("deploy/nginx/archive.conf has no `location /static/` with its alias; update serve_front.py")
    depth, end = 0, start.end() - 1
    for end in range(start.end() - 1, len(site)):
        depth += {"{": 1, "}": -1}.get(site[end], 0)
        if depth == 0:
            break
    return site[start.start() : end + 1].strip().replace(STATIC_ROOT_PLACEHOLDER, f"{static_root.rstrip('/')}/")


def write_snippets(prefix: Path, tiles: str) -> dict[str, Path]:
    written = {}
    for name, old, new in [
        ("archive-proxy.conf", None, None),
        ("archive-iiif.conf", PUBLIC_TILES_PLACEHOLDER, tiles),
        ("archive-maps.conf", None, None),
        ("archive-errors.conf", ERROR_PAGES_PLACEHOLDER, f"{NGINX_DIR / 'errors'}/"),
    ]:
        text = (NGINX_DIR / name).read_text()
        written[name] = prefix / name
        written[name].write_text(text.replace(old, new) if old else text)
    return written


def render_front(prefix: Path, port: int, app_port: int, tiles: str, static_root: str) -> Path:
    """nginx.conf for the front: static files and public tile files from the disk, the rest to gunicorn."""
    for folder in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (prefix / "temp" / folder).mkdir(parents=True, exist_ok=True)
    snippets = write_snippets(prefix, tiles)
    mime = "include /etc/nginx/mime.types;" if Path("/etc/nginx/mime.types").exists() else "types { image/jpeg jpg; }"
    # As root, nginx would hand its workers to "nobody", who may not read the data folder.
    user = f"user {pwd.getpwuid(os.geteuid()).pw_name};" if os.geteuid() == 0 else ""
    proxy = snippets["archive-proxy.conf"]
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
    include {snippets["archive-maps.conf"]};
    upstream archive_app {{
        server 127.0.0.1:{app_port};
        keepalive 16;
        keepalive_timeout 4s;
    }}
    server {{
        listen 127.0.0.1:{port};
        include {snippets["archive-errors.conf"]};
        include {snippets["archive-iiif.conf"]};
        {static_location(static_root)}
        location @app {{ include {proxy}; }}
        location / {{ include {proxy}; }}
    }}
}}
""")
    return config


def nginx_arguments(config: Path) -> list[str]:
    return ["-p", str(config.parent), "-c", str(config), "-e", str(config.parent / "error.log")]
