"""Production: secrets and hosts must come from the environment; HTTPS everywhere."""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403
from .base import (
    BASE_DIR,
    ELASTICSEARCH_ANALYSIS_CHOICES,
    SECRET_KEY,
    STORAGES,
    env,
    env_bool,
    env_choice,
    env_int,
    media_root,
    work_root,
)

DEBUG = False

# The installation's files live outside the checkout, which a deploy replaces: local media, the IIIF caches
# and work files (base.py derives them from DATA_DIR).
DATA_DIR = Path(env("ARCHIVE_DATA_DIR", "/var/lib/archive"))
if DATA_DIR.resolve().is_relative_to(BASE_DIR.resolve()):
    raise ImproperlyConfigured(
        f"Set ARCHIVE_DATA_DIR to a folder outside the checkout ({BASE_DIR}), "
        "e.g. /var/lib/archive: a deploy replaces the checkout."
    )
VAR_DIR = DATA_DIR
MEDIA_ROOT = media_root(DATA_DIR)
WORK_ROOT = work_root(DATA_DIR)

# Static files under names that carry a hash of their content (collectstatic writes staticfiles.json), served
# by WhiteNoise with a year-long, immutable Cache-Control; compressed copies beside them.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}

if not env("SECRET_KEY") or SECRET_KEY.startswith("embedded-"):
    raise ImproperlyConfigured("Set SECRET_KEY to a long random value for production.")
if not env("ALLOWED_HOSTS"):
    raise ImproperlyConfigured("Set ALLOWED_HOSTS to the site's host names, comma separated.")

# A request is HTTPS when X-Forwarded-Proto says so. Safe only because gunicorn listens on 127.0.0.1
# (gunicorn.conf.py) and nginx, the one client that reaches it, replaces the header with the scheme it
# received (deploy/nginx/archive-proxy.conf); a proxy that passed a client's header on would let anyone
# claim HTTPS.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Plain-HTTP requests that reach the application are redirected to HTTPS (nginx redirects most before).
# SECURE_SSL_REDIRECT=0 only where something in front already redirects every plain-HTTP request.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Load balancers and Prometheus ask over plain HTTP inside the network: these answer there too (never cached).
SECURE_REDIRECT_EXEMPT = [r"^healthz(/live|/ready)?$", r"^metrics$"]
# HSTS for a year. includeSubDomains and preload bind every host under the name, and a preload list is slow
# to leave: each only when its variable says so.
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# `check --deploy` warns while those two are off; they are off by choice, so it stays clean.
SILENCED_SYSTEM_CHECKS = ["security.W005", "security.W021"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True

# A stock Elasticsearch cluster: its built-in analysis filters (no plugin), and a copy of every shard on a
# second node. A single-node cluster stays yellow with a replica: set ELASTICSEARCH_REPLICAS=0 there.
ELASTICSEARCH_ANALYSIS = env_choice("ELASTICSEARCH_ANALYSIS", "builtin", ELASTICSEARCH_ANALYSIS_CHOICES)
ELASTICSEARCH_REPLICAS = env_int("ELASTICSEARCH_REPLICAS", "1")
