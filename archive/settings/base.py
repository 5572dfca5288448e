"""Settings shared by every environment; the only module that reads environment variables."""

import os
import re
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from archive.core.logging import logging_config
from media.image_policy import ACCEPTED_EXTENSIONS

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "archive"


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_number(name: str, default: str, kind: type, minimum: float) -> int | float:
    """A number from the environment; a value that is not one, or is below `minimum`, stops the start with
    the variable's name and what it takes (not a bare ValueError from deep inside the settings)."""
    text = env(name, default).strip()
    try:
        value = kind(text)
    except ValueError:
        value = None
    if value is None or value < minimum:
        what = "a whole number" if kind is int else "a number"
        raise ImproperlyConfigured(f"{name} must be {what} of at least {minimum:g}, not {text!r}.")
    return value


def env_int(name: str, default: str, minimum: int = 0) -> int:
    return env_number(name, default, int, minimum)


def env_float(name: str, default: str, minimum: float = 0) -> float:
    return env_number(name, default, float, minimum)


def env_choice(name: str, default: str, choices) -> str:
    value = env(name, default).strip()
    if value not in choices:
        raise ImproperlyConfigured(f"{name} must be one of {', '.join(choices)}, not {value!r}.")
    return value


def env_url(name: str, default: str) -> str:
    """An absolute http(s) address without a trailing slash: IIIF ids and every public link are built on it."""
    value = env(name, default).strip().rstrip("/")
    scheme, _, rest = value.partition("://")
    if scheme not in ("http", "https") or not rest or rest.startswith("/"):
        raise ImproperlyConfigured(
            f"{name} must be an absolute address such as https://archive.example.lt, not {value!r}."
        )
    return value


def env_domain_name(name: str, default: str) -> str:
    """A DNS name in the grammar of the OAI identifier scheme: labels that start with a letter, at least two of
    them, so an IP address or "localhost" stops the start."""
    value = env(name, default).strip()
    if not re.fullmatch(r"[a-zA-Z][a-zA-Z0-9-]*(\.[a-zA-Z][a-zA-Z0-9-]*)+", value):
        raise ImproperlyConfigured(
            f"{name} must be a domain name such as archive.kvb.lt (not an IP address or localhost), not {value!r}."
        )
    return value


def env_list(name: str, default: str = "") -> list[str]:
    return [part.strip() for part in env(name, default).split(",") if part.strip()]


# Where this installation keeps its files: the embedded run's SQLite database, local media, the IIIF caches
# and work files. In the checkout for the embedded run; production wants it outside (production.py).
DATA_DIR = Path(env("ARCHIVE_DATA_DIR", env("ARCHIVE_VAR_DIR", str(BASE_DIR / "var"))))
VAR_DIR = DATA_DIR  # the older name (ARCHIVE_VAR_DIR), still read by ensure_editor and the benchmarks


def media_root(data_dir: Path) -> Path:
    """Local media (originals and pyramids without S3; the IIIF caches always) live in the data directory."""
    return Path(env("MEDIA_ROOT", str(data_dir / "media")))


def work_root(data_dir: Path) -> Path:
    """Work files of pyramid builds (media/work_files.py) live in the data directory."""
    return Path(env("WORK_ROOT", str(data_dir / "work")))


SECRET_KEY = env("SECRET_KEY", "embedded-development-key-not-for-production")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Absolute URIs (IIIF ids, sitemaps, citations) are built from this, never from the Host header.
PUBLIC_BASE_URL = env_url("PUBLIC_BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_BASE_URL = PUBLIC_BASE_URL

INSTALLED_APPS = [
    "archive.core",
    "archive.vocabularies",
    "archive.dating",
    "archive.catalogue",
    "archive.imports",
    "archive.exhibitions",
    "archive.manifests",
    "archive.records",
    "archive.oai",
    "archive.embeds",
    "media",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "archive.core.metrics.ResponseCountMiddleware",  # first: it counts every answer, redirects included
    "archive.manifests.cors.IIIFCorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "archive.core.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "archive.core.request_limits.QueryParameterLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "media.middleware.StorageFailureMiddleware",
]

ROOT_URLCONF = "archive.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "archive.core.context_processors.site_context",
            ],
        },
    },
]

WSGI_APPLICATION = "archive.wsgi.application"

if not env("DATABASE_URL"):
    # The embedded run keeps its SQLite file here; create the folder so a fresh clone just works.
    DATA_DIR.mkdir(parents=True, exist_ok=True)

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{DATA_DIR / 'archive.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", "0"),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default has the site and the worker (two threads: tasks and heartbeat) writing to one
    # file. A deferred transaction that reads and then writes cannot wait for another writer (SQLite answers
    # "database is locked" at once); IMMEDIATE takes the write lock first and waits up to the timeout.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": env_int("SQLITE_TIMEOUT_SECONDS", "20")}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Lithuanian first: the default language of the site and of its content.
LANGUAGE_CODE = "lt"
LANGUAGES = [("lt", _("Lithuanian")), ("en", _("English"))]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [PROJECT_DIR / "locale"]
TIME_ZONE = "Europe/Vilnius"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# `collectstatic` copies here (with the viewers from node_modules, see VIEWER_STATIC_DIRS); a server without
# Node gets this folder from the build machine (`make static`).
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "static_collected")))
STATICFILES_DIRS = [PROJECT_DIR / "static"]

MEDIA_URL = "/media/"
MEDIA_ROOT = media_root(DATA_DIR)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Klaipėdos paveldo archyvas"
# The site's name in each language of LANGUAGES (archive/core/site_names.py): headers, titles, oEmbed, Open Graph.
SITE_NAMES = {"lt": WAGTAIL_SITE_NAME, "en": "Klaipėda heritage archive"}
WAGTAILIMAGES_IMAGE_MODEL = "media.DigitizedImage"
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env_int("MAX_IMAGE_PIXELS", str(1_000_000_000))
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("MAX_UPLOAD_BYTES", str(2 * 1024**3))
# The same formats by every way in (media/image_policy.py): TIFF and HEIF too.
WAGTAILIMAGES_EXTENSIONS = ACCEPTED_EXTENSIONS
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# No avatars from an outside service: editors' addresses stay here, and the admin works offline.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# No release check either: it calls an outside host from the dashboard, which the CSP refuses.
WAGTAIL_ENABLE_UPDATE_CHECK = False

SEARCH_BACKEND = env_choice("SEARCH_BACKEND", "database", ("database", "elasticsearch"))
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.wagtail_backend"}}  # the database backend, given plain terms

# Background work (pyramids, imports, indexing): run at once in the embedded run, queued in the database
# for `manage.py worker` in production (TASKS_BACKEND=database).
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS = {"default": {"BACKEND": TASK_BACKENDS[env_choice("TASKS_BACKEND", "immediate", TASK_BACKENDS)]}}
# A running worker records that it is alive every WORKER_HEARTBEAT_SECONDS; a task whose worker has not been
# seen for WORKER_LOST_AFTER_SECONDS is queued again by another worker. A task of a worker without heartbeats
# is queued again once it has been running for TASK_STALE_AFTER_SECONDS. At most TASK_MAX_ATTEMPTS in all.
WORKER_HEARTBEAT_SECONDS = env_float("WORKER_HEARTBEAT_SECONDS", "5", minimum=0.1)
WORKER_LOST_AFTER_SECONDS = env_int("WORKER_LOST_AFTER_SECONDS", "60")
TASK_STALE_AFTER_SECONDS = env_int("TASK_STALE_AFTER_SECONDS", str(30 * 60))
TASK_MAX_ATTEMPTS = env_int("TASK_MAX_ATTEMPTS", "3", minimum=1)
# When the database or the media storage fails, the worker waits, doubling from the first to the second.
WORKER_RETRY_MIN_SECONDS = env_float("WORKER_RETRY_MIN_SECONDS", "1")
WORKER_RETRY_MAX_SECONDS = env_float("WORKER_RETRY_MAX_SECONDS", "30")
# Finished task rows (succeeded or failed) are deleted by the worker after this many days.
TASK_RETENTION_DAYS = env_float("TASK_RETENTION_DAYS", "14")
# The worker syncs the search index this often while edits are waiting for it (e.g. search was down).
SEARCH_SYNC_RETRY_SECONDS = env_int("SEARCH_SYNC_RETRY_SECONDS", "60")
# Work files of pyramid builds (the local copy of an original); leftovers of killed processes are removed.
WORK_ROOT = work_root(DATA_DIR)
# Uploaded spreadsheets of previews never confirmed, and files parked by the multiple image uploader, are
# removed after this long (archive/imports/retention.py).
UPLOAD_RETENTION_SECONDS = env_int("UPLOAD_RETENTION_SECONDS", str(24 * 3600))
# The worker queues again, this often, the pyramid builds still pending (e.g. storage was down when they ran).
PYRAMID_RETRY_SECONDS = env_int("PYRAMID_RETRY_SECONDS", "300")

# media/ asks this policy which images a request may see; the catalogue supplies it.
MEDIA_ACCESS_POLICY = env("MEDIA_ACCESS_POLICY", "archive.catalogue.access.CatalogueImageAccess")

# The library that provides the collections (manifests, citations, aggregators).
ARCHIVE_PROVIDER_NAME = env("ARCHIVE_PROVIDER_NAME", "Klaipėdos miesto savivaldybės viešoji biblioteka")
# Its name in the other languages of LANGUAGES (archive/core/site_names.py): English pages, citations, manifests.
ARCHIVE_PROVIDER_NAMES = {"en": env("ARCHIVE_PROVIDER_NAME_EN", "Klaipėda Municipal Public Library")}
ARCHIVE_PROVIDER_HOMEPAGE = env("ARCHIVE_PROVIDER_HOMEPAGE", "https://www.klavb.lt/")
# The provider's logo in manifests (an absolute image URL); empty uses the archive's own mark.
ARCHIVE_PROVIDER_LOGO_URL = env("ARCHIVE_PROVIDER_LOGO_URL", "")

# Exhibition maps: a raster tile source ({z}/{x}/{y}); empty shows the list of places only.
MAP_TILE_URL = env("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env("MAP_TILE_ATTRIBUTION", "© OpenStreetMap contributors")

# One stream for Django and gunicorn (archive/core/logging.py); LOG_FORMAT=json for log collectors.
LOG_FORMAT = env_choice("LOG_FORMAT", "plain", ("plain", "json"))
LOG_LEVEL = env_choice("LOG_LEVEL", "INFO", ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"))
# gunicorn's access log: "skip-iiif" (no line for each image tile, the default: tiles are the hot path),
# "all", or "off".
ACCESS_LOG = env_choice("ACCESS_LOG", "skip-iiif", ("all", "off", "skip-iiif"))
LOGGING = logging_config(LOG_FORMAT, LOG_LEVEL, ACCESS_LOG)
LOGGING_CONFIG = "archive.core.logging.configure"

# --- IIIF image service ---
# Pyramids and the derivative cache live under MEDIA_ROOT unless these name other folders.
IIIF_PYRAMID_ROOT = env("IIIF_PYRAMID_ROOT", "")
IIIF_CACHE_ROOT = env("IIIF_CACHE_ROOT", "")
IIIF_CACHE_MAX_BYTES = env_int("IIIF_CACHE_MAX_BYTES", str(2 * 1024**3))
# Ids in info.json are built from this, so that they match what viewers were given.
IIIF_BASE_URL = env_url("IIIF_BASE_URL", f"{PUBLIC_BASE_URL}/iiif")
IIIF_MAX_SOURCE_PIXELS = env_int("IIIF_MAX_SOURCE_PIXELS", str(WAGTAILIMAGES_MAX_IMAGE_PIXELS))
IIIF_MAX_WIDTH = env_int("IIIF_MAX_WIDTH", "10000", minimum=1)
IIIF_MAX_HEIGHT = env_int("IIIF_MAX_HEIGHT", "10000", minimum=1)
IIIF_MAX_AREA = env_int("IIIF_MAX_AREA", str(40_000_000), minimum=1)
IIIF_TILE_SIZE = env_int("IIIF_TILE_SIZE", "256", minimum=1)
IIIF_JPEG_QUALITY = env_int("IIIF_JPEG_QUALITY", "85", minimum=1)
IIIF_PUBLIC_MAX_AGE = env_int("IIIF_PUBLIC_MAX_AGE", str(30 * 24 * 3600))
# The limits above bound every answer after rotation; this bounds the memory one render's encoder may hold,
# which lowers the area of formats needing many bytes a pixel (media/iiif/formats.py).
IIIF_RENDER_MAX_BYTES = env_int("IIIF_RENDER_MAX_BYTES", str(320 * 1024**2))
# Uncached renders at once per node, all worker processes together; a copied or cached tile never waits.
IIIF_MAX_CONCURRENT_RENDERS = env_int("IIIF_MAX_CONCURRENT_RENDERS", str(os.cpu_count() or 2), minimum=1)
# ... and per worker process, so that a gunicorn worker (2 threads) keeps a thread for tiles; the others wait.
IIIF_RENDERS_PER_PROCESS = env_int("IIIF_RENDERS_PER_PROCESS", "1", minimum=1)
# How long a render waits for one of those slots before answering 503 with Retry-After.
IIIF_RENDER_QUEUE_SECONDS = env_float("IIIF_RENDER_QUEUE_SECONDS", "1")
# A render still running after this long (or whose client has gone, under gunicorn) is abandoned: 503.
IIIF_RENDER_TIMEOUT_SECONDS = env_float("IIIF_RENDER_TIMEOUT_SECONDS", "20")
# libvips' operation cache in each process: operations kept, the memory and the open files they may hold.
IIIF_VIPS_CACHE_MAX_OPERATIONS = env_int("IIIF_VIPS_CACHE_MAX_OPERATIONS", "100")
IIIF_VIPS_CACHE_MAX_BYTES = env_int("IIIF_VIPS_CACHE_MAX_BYTES", str(32 * 1024**2))
IIIF_VIPS_CACHE_MAX_FILES = env_int("IIIF_VIPS_CACHE_MAX_FILES", "20")
WAGTAILIMAGES_IMAGE_FORM_BASE = "media.forms.DigitizedImageForm"

# --- Search ---
# SEARCH_BACKEND (above) picks the public search: "database" (Wagtail's database backend, the embedded
# run) or "elasticsearch" (our own catalogue index, see search/backends/es_mapping.py).
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", "http://127.0.0.1:9200")
ELASTICSEARCH_TIMEOUT = env_float("ELASTICSEARCH_TIMEOUT", "5")
# A secured cluster: an API key (the encoded form Kibana shows), or a user and password; with an https URL,
# the CA certificate file that signed the cluster's certificate unless the system's CAs do.
ELASTICSEARCH_API_KEY = env("ELASTICSEARCH_API_KEY")
ELASTICSEARCH_USERNAME = env("ELASTICSEARCH_USERNAME")
ELASTICSEARCH_PASSWORD = env("ELASTICSEARCH_PASSWORD")
ELASTICSEARCH_CA_CERTS = env("ELASTICSEARCH_CA_CERTS")
if ELASTICSEARCH_CA_CERTS and not ELASTICSEARCH_URL.startswith("https://"):
    raise ImproperlyConfigured(
        "ELASTICSEARCH_CA_CERTS is for a cluster reached over TLS: ELASTICSEARCH_URL must start with https://"
    )
# Indices are named "<prefix>-catalogue-<timestamp>" behind the alias "<prefix>-catalogue".
SEARCH_INDEX_PREFIX = env("SEARCH_INDEX_PREFIX", "archive")
# Make each edit searchable before the request returns (tests); production relies on the 1 s refresh.
SEARCH_REFRESH_ON_WRITE = env_bool("SEARCH_REFRESH_ON_WRITE", False)
# The analysers' token filters: "builtin" (the analysis-common module every Elasticsearch distribution has),
# "plugin" (search/elasticsearch_plugin, for a node without that module, like the one scripts/elasticsearch.sh
# runs) or "auto" (asks the nodes once). Production defaults to builtin (archive/settings/production.py).
ELASTICSEARCH_ANALYSIS_CHOICES = ("builtin", "plugin", "auto")
ELASTICSEARCH_ANALYSIS = env_choice("ELASTICSEARCH_ANALYSIS", "auto", ELASTICSEARCH_ANALYSIS_CHOICES)
# Primary shards of a new index, and copies of each on other nodes (production: 1); search_reindex applies them.
ELASTICSEARCH_SHARDS = env_int("ELASTICSEARCH_SHARDS", "1", minimum=1)
ELASTICSEARCH_REPLICAS = env_int("ELASTICSEARCH_REPLICAS", "0")

# --- Viewers ---
# Front-end packages come from npm (package.json, `npm ci`) and are served as static files, no CDN.
# `collectstatic` refuses to run without them (archive/core/management/commands/collectstatic.py); a server
# that only serves STATIC_ROOT needs no node_modules, so missing folders are left out here, not warned about.
VIEWER_STATIC_DIRS = [
    ("vendor/openseadragon", BASE_DIR / "node_modules" / "openseadragon" / "build" / "openseadragon"),
    ("vendor/leaflet", BASE_DIR / "node_modules" / "leaflet" / "dist"),
    ("vendor/mirador", BASE_DIR / "node_modules" / "mirador" / "dist"),
]
STATICFILES_DIRS += [(prefix, folder) for prefix, folder in VIEWER_STATIC_DIRS if folder.is_dir()]

# --- Records and harvesting ---
# Result-set exports (CSV/JSON) stop after this many items and say so; rows are read in chunks.
RECORDS_EXPORT_MAX_ROWS = env_int("RECORDS_EXPORT_MAX_ROWS", "50000")
RECORDS_EXPORT_CHUNK_SIZE = env_int("RECORDS_EXPORT_CHUNK_SIZE", "500", minimum=1)
# OAI-PMH at /oai: records per ListRecords/ListIdentifiers response, and how long a token stays valid.
# The repository identifier of OAI identifiers (oai:<it>:<inventory number>): a domain name the library holds,
# kept for good, as harvesters key their copies on it; its own setting, never the request's or PUBLIC_BASE_URL's host.
OAI_REPOSITORY_IDENTIFIER = env_domain_name("OAI_REPOSITORY_IDENTIFIER", "archive.example")
OAI_REPOSITORY_NAME = env("OAI_REPOSITORY_NAME", f"{WAGTAIL_SITE_NAME} ({ARCHIVE_PROVIDER_NAME})")
OAI_ADMIN_EMAILS = env_list("OAI_ADMIN_EMAILS", "oai-admin@example.org")
OAI_PAGE_SIZE = env_int("OAI_PAGE_SIZE", "100", minimum=1)
OAI_RESUMPTION_TOKEN_MAX_AGE = env_int("OAI_RESUMPTION_TOKEN_MAX_AGE", str(7 * 24 * 3600))
# Metadata formats on offer (archive.oai.metadata.MetadataFormat values).
OAI_METADATA_FORMATS = ["archive.oai.metadata.dc.oai_dc", "archive.oai.metadata.edm.edm"]
# Europeana: who holds the items (edm:dataProvider) and who delivers them to Europeana (edm:provider).
EDM_DATA_PROVIDER = env("EDM_DATA_PROVIDER", ARCHIVE_PROVIDER_NAME)
EDM_PROVIDER = env("EDM_PROVIDER", ARCHIVE_PROVIDER_NAME)
# IIIF Change Discovery at /iiif/discovery/collection: activities per page, cache time of the live page.
IIIF_DISCOVERY_PAGE_SIZE = env_int("IIIF_DISCOVERY_PAGE_SIZE", "100", minimum=1)
IIIF_DISCOVERY_MAX_AGE = env_int("IIIF_DISCOVERY_MAX_AGE", "300")
# Public documents about items (manifests, embed pages, oEmbed): browsers keep them this long, then revalidate
# with the ETag, so an unpublished item leaves their caches within minutes (tiles keep IIIF_PUBLIC_MAX_AGE).
PUBLIC_DOCUMENT_MAX_AGE = env_int("PUBLIC_DOCUMENT_MAX_AGE", "300", minimum=0)

# --- S3 storage ---
# Originals, pyramids and renditions go to an S3 bucket (django-storages, boto3) when S3_BUCKET is set;
# local files under MEDIA_ROOT otherwise. Objects are private: the public reaches pixels through the IIIF
# service only, editors download originals through short-lived signed URLs.
S3_BUCKET = env("S3_BUCKET")
S3_ENDPOINT_URL = env("S3_ENDPOINT_URL")  # empty for AWS itself; e.g. http://127.0.0.1:8333 for SeaweedFS
S3_REGION = env("S3_REGION", "us-east-1")
S3_ACCESS_KEY_ID = env("S3_ACCESS_KEY_ID")
S3_SECRET_ACCESS_KEY = env("S3_SECRET_ACCESS_KEY")
S3_SIGNED_URL_SECONDS = env_int("S3_SIGNED_URL_SECONDS", "300")
# The S3 host browsers reach, which signed download URLs name (a signature covers the host); empty: S3_ENDPOINT_URL.
S3_PUBLIC_ENDPOINT_URL = env("S3_PUBLIC_ENDPOINT_URL", S3_ENDPOINT_URL)
# Editors' originals: "redirect" to a signed URL of S3_PUBLIC_ENDPOINT_URL, or "stream" them through the site
# (the S3 endpoint may then stay private to the servers).
ORIGINAL_DOWNLOADS = env("ORIGINAL_DOWNLOADS", "redirect")
if ORIGINAL_DOWNLOADS not in {"redirect", "stream"}:
    raise ImproperlyConfigured(f"ORIGINAL_DOWNLOADS must be redirect or stream, not {ORIGINAL_DOWNLOADS!r}.")
S3_CONNECT_TIMEOUT = env_float("S3_CONNECT_TIMEOUT", "3")
if S3_BUCKET:
    from botocore.config import Config as S3ClientConfig

    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": S3_ENDPOINT_URL or None,
            "region_name": S3_REGION,
            "access_key": S3_ACCESS_KEY_ID or None,
            "secret_key": S3_SECRET_ACCESS_KEY or None,
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": S3_SIGNED_URL_SECONDS,
            "file_overwrite": False,
        },
    }
    # Read by django-storages beside OPTIONS, which must stay plain values: Wagtail hands a storage's
    # options to background tasks (file deletion) as JSON. An unreachable storage fails in seconds.
    AWS_S3_CLIENT_CONFIG = S3ClientConfig(
        s3={"addressing_style": "path" if S3_ENDPOINT_URL else "auto"},
        signature_version="s3v4",
        connect_timeout=S3_CONNECT_TIMEOUT,
        read_timeout=60,
        retries={"max_attempts": 3, "mode": "standard"},
    )
# Each web node keeps the pyramids it reads from S3 in a local read-through cache (IIIF_PYRAMID_ROOT),
# least recently used first out past this size; libvips then reads tiles from local files.
IIIF_PYRAMID_CACHE_MAX_BYTES = env_int("IIIF_PYRAMID_CACHE_MAX_BYTES", str(20 * 1024**3))
# How long a worker answers for a public image from memory, without the database (media/iiif/served.py).
IIIF_PUBLIC_LOOKUP_SECONDS = env_float("IIIF_PUBLIC_LOOKUP_SECONDS", "30")
# Public images' tile files, which a front server serves without Python (media/iiif/public_tiles.py,
# deploy/nginx/archive-iiif.conf); empty: MEDIA_ROOT/iiif-public. With S3: the bucket's iiif-public/ prefix.
IIIF_PUBLIC_TILES_ROOT = env("IIIF_PUBLIC_TILES_ROOT", "")
# Run with an image's URL prefix (e.g. https://host/iiif/3/ID/) as its last argument when its public tiles
# are removed: a CDN's purge. Empty: none (the public_tiles_removed signal is sent either way).
IIIF_TILES_PURGE_COMMAND = env("IIIF_TILES_PURGE_COMMAND", "")

# --- Monitoring ---
# /metrics answers these client addresses or networks (REMOTE_ADDR), and requests carrying
# "Authorization: Bearer <METRICS_TOKEN>" when a token is set; everyone else gets a 404.
METRICS_ALLOWED_IPS = env_list("METRICS_ALLOWED_IPS", "127.0.0.1,::1")
METRICS_TOKEN = env("METRICS_TOKEN")
