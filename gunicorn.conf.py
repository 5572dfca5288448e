"""gunicorn settings for production: `gunicorn -c gunicorn.conf.py archive.wsgi`.

Processes for the CPU work of libvips (two per core plus one by default), each with a couple of threads
and keep-alive so a viewer's burst of tile requests reuses connections; workers are recycled rarely,
because every restart reloads Django. WEB_CONCURRENCY, WEB_THREADS, WEB_TIMEOUT, PORT and BIND override.

gunicorn listens on the loopback interface only: nginx in front of it (deploy/nginx/) terminates TLS and
sets X-Forwarded-Proto, which Django trusts (SECURE_PROXY_SSL_HEADER in archive/settings/production.py).
Binding a public interface would let anyone send that header; only do it (BIND) behind a firewall that
lets the proxy alone reach the port, and name the proxy in FORWARDED_ALLOW_IPS.
"""

import multiprocessing
import os

bind = os.environ.get("BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
# Proxies whose X-Forwarded-Proto gunicorn itself believes (wsgi.url_scheme).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "gthread"
threads = int(os.environ.get("WEB_THREADS", "2"))
keepalive = 5  # nginx keeps idle upstream connections for less (deploy/nginx/archive.conf: 4 s)
timeout = int(os.environ.get("WEB_TIMEOUT", "60"))  # nginx's proxy timeouts match it
max_requests = 20000
max_requests_jitter = 2000
accesslog = "-"
errorlog = "-"
# gunicorn 24+ opens a control socket in the user's home ($HOME/.gunicorn/gunicorn.ctl); nothing here uses it,
# and two instances run by one user (make serve beside a test run) would take over each other's.
control_socket_disable = True
# Worker heartbeats in memory: a disk-backed /tmp can stall them under load and get workers killed.
if os.path.isdir("/dev/shm"):
    worker_tmp_dir = "/dev/shm"
# One log stream: gunicorn's error and access records go through the site's LOGGING (JSON with
# LOG_FORMAT=json). ACCESS_LOG: skip-iiif (default) logs no image request, all logs them too, off none.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings.production")  # as archive/wsgi.py
from django.conf import settings  # noqa: E402
from gunicorn.glogging import Logger  # noqa: E402

from archive.core.logging import SKIPPED_ACCESS_PREFIXES, gunicorn_logconfig  # noqa: E402

logconfig_dict = gunicorn_logconfig()
# The paths whose access lines are skipped before gunicorn builds them (the LOGGING filter alone would
# drop them only after that cost, a tenth of a warm tile's): "" is every path.
UNLOGGED_PATHS = {"all": None, "off": ("",), "skip-iiif": SKIPPED_ACCESS_PREFIXES}[settings.ACCESS_LOG]


class AccessLogger(Logger):
    def access(self, resp, req, environ, request_time):
        if UNLOGGED_PATHS is None or not environ.get("PATH_INFO", "").startswith(UNLOGGED_PATHS):
            super().access(resp, req, environ, request_time)


logger_class = AccessLogger
