"""Who the application believes: gunicorn on loopback, HSTS without includeSubDomains or preload unless asked,
and nginx's limits and timeouts following the application's."""

import os
import re
import runpy
import secrets
import subprocess
import sys

from django.conf import settings

from tests.deploy.stack import DEPLOY, ROOT

NGINX_SITE = (DEPLOY / "nginx" / "archive.conf").read_text()
NGINX_PROXY = (DEPLOY / "nginx" / "archive-proxy.conf").read_text()


def gunicorn_settings(monkeypatch, **environment) -> dict:
    for name in ("BIND", "PORT", "FORWARDED_ALLOW_IPS", "WEB_TIMEOUT"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(ROOT / "gunicorn.conf.py"))


def production_value(expression: str, **environment) -> str:
    """A value of archive.settings.production, imported in a fresh process with this environment."""
    inherited = {name: value for name, value in os.environ.items() if not name.startswith("SECURE_")}
    code = f"import django; django.setup(); from django.conf import settings; print({expression})"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={
            **inherited,
            "DJANGO_SETTINGS_MODULE": "archive.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "archive.example.org",
            "DATABASE_URL": "sqlite:///:memory:",
            **environment,
        },
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def nginx_seconds(name: str) -> int:
    return int(re.search(rf"^\s*{name} (\d+)s;", NGINX_PROXY, re.MULTILINE).group(1))


def test_gunicorn_listens_on_loopback_and_trusts_only_it(monkeypatch):
    config = gunicorn_settings(monkeypatch)
    assert config["bind"] == "127.0.0.1:8000"
    assert config["forwarded_allow_ips"] == "127.0.0.1"
    assert gunicorn_settings(monkeypatch, PORT="9000")["bind"] == "127.0.0.1:9000"
    assert gunicorn_settings(monkeypatch, BIND="unix:/run/archive/web.sock")["bind"] == "unix:/run/archive/web.sock"


def test_gunicorn_heartbeats_in_memory(monkeypatch):
    assert gunicorn_settings(monkeypatch).get("worker_tmp_dir") == ("/dev/shm" if os.path.isdir("/dev/shm") else None)


def test_hsts_binds_subdomains_and_preload_lists_only_when_asked():
    flags = "settings.SECURE_HSTS_SECONDS, settings.SECURE_HSTS_INCLUDE_SUBDOMAINS, settings.SECURE_HSTS_PRELOAD"
    assert production_value(flags) == "31536000 False False"
    asked = production_value(flags, SECURE_HSTS_INCLUDE_SUBDOMAINS="1", SECURE_HSTS_PRELOAD="1")
    assert asked == "31536000 True True"
    assert production_value("settings.SECURE_PROXY_SSL_HEADER") == "('HTTP_X_FORWARDED_PROTO', 'https')"


def test_nginx_takes_the_largest_upload_and_little_more():
    limit = re.search(r"location /admin/ \{[^}]*client_max_body_size (\d+)m;", NGINX_SITE).group(1)
    allowed = int(limit) * 1024**2
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE < allowed <= settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE + 16 * 1024**2
    assert re.search(r"location /admin/ \{[^}]*proxy_request_buffering off;", NGINX_SITE)


def test_nginx_waits_as_long_as_gunicorn(monkeypatch):
    timeout = gunicorn_settings(monkeypatch)["timeout"]
    assert nginx_seconds("proxy_read_timeout") == nginx_seconds("proxy_send_timeout") == timeout
    keepalive = int(re.search(r"keepalive_timeout (\d+)s;", NGINX_SITE).group(1))
    assert keepalive < gunicorn_settings(monkeypatch)["keepalive"]


def test_nginx_sets_the_forwarded_headers_itself():
    for header, value in (
        ("X-Forwarded-Proto", "$scheme"),
        ("X-Forwarded-For", "$remote_addr"),
        ("X-Forwarded-Host", "$archive_host"),
        ("Host", "$archive_host"),
    ):
        assert re.search(rf"^proxy_set_header {header} {re.escape(value)};$", NGINX_PROXY, re.MULTILINE), header
    # The browser's Host, port included (CSRF compares the Origin with it), else the server's name.
    maps = (DEPLOY / "nginx" / "archive-maps.conf").read_text()
    assert re.search(r"map \$http_host \$archive_host \{\s*\"\" \$host;\s*default \$http_host;\s*\}", maps)
    assert "Strict-Transport-Security" not in NGINX_SITE  # the application's (SECURE_HSTS_*)
