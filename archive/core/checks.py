"""System checks of the archive's own settings and, with `manage.py check --deploy`, of the services.

The deploy checks reach the network, so Django runs them only with --deploy (`--tag media` or `--tag search`
runs one). Each error says what to fix. Registered in CoreConfig.ready().
"""

import ipaddress

from django.conf import settings
from django.core import checks
from django.core.checks import CheckMessage, Error
from django.core.files.storage import default_storage
from elasticsearch import ApiError, Elasticsearch

from media.storage import check_available, is_missing_bucket, is_remote, probe_write
from search.backends.elasticsearch import analysis_filters
from search.backends.es_mapping import analysis

SUPPORTED_ELASTICSEARCH = 8  # the client's major version (pyproject.toml); the cluster's must match


def metrics_allowed_ips(app_configs, **kwargs) -> list[CheckMessage]:
    wrong = []
    for entry in settings.METRICS_ALLOWED_IPS:
        try:
            ipaddress.ip_network(entry, strict=False)
        except ValueError:
            wrong.append(entry)
    if not wrong:
        return []
    return [
        Error(
            f"METRICS_ALLOWED_IPS holds {', '.join(map(repr, wrong))}, which is not an address or network.",
            hint="List addresses or networks, comma separated, e.g. 127.0.0.1,::1,10.0.0.0/8.",
            id="archive.E010",
        )
    ]


def media_storage(app_configs, **kwargs) -> list[CheckMessage]:
    """The media store answers, the bucket exists (a write would create it on some servers), and it takes a
    write probe (written, read back, deleted)."""
    storage = default_storage
    where = (
        f"bucket {storage.bucket_name!r} at {storage.endpoint_url or 'AWS S3'}"
        if is_remote(storage)
        else f"MEDIA_ROOT {settings.MEDIA_ROOT}"
    )
    try:
        check_available(storage)
    except Exception as error:  # whatever the store says, it cannot serve media
        if is_missing_bucket(error):
            return [
                Error(
                    f"The media {where} does not exist.",
                    hint="Create the bucket (private, no public access), or set S3_BUCKET to the existing one.",
                    id="archive.E001",
                )
            ]
        return [
            Error(
                f"The media storage ({where}) cannot be reached: {error}",
                hint="Check S3_ENDPOINT_URL and S3_REGION, and that S3_ACCESS_KEY_ID/S3_SECRET_ACCESS_KEY may "
                "list the bucket (s3:ListBucket).",
                id="archive.E002",
            )
        ]
    try:
        probe_write(storage)
    except Exception as error:
        return [
            Error(
                f"The media storage ({where}) refuses a write probe: {error}",
                hint="Give the site's credentials s3:PutObject, s3:GetObject and s3:DeleteObject on the bucket's "
                "objects (for local media: let the site's user write MEDIA_ROOT).",
                id="archive.E003",
            )
        ]
    return []


def search_cluster(app_configs, **kwargs) -> list[CheckMessage]:
    """With SEARCH_BACKEND=elasticsearch: the cluster answers, speaks our major version and has the analysis
    our index needs (the token filters ELASTICSEARCH_ANALYSIS chooses)."""
    if settings.SEARCH_BACKEND != "elasticsearch":
        return []
    url = settings.ELASTICSEARCH_URL
    client = Elasticsearch(url, request_timeout=settings.ELASTICSEARCH_TIMEOUT, max_retries=0)
    try:
        nodes = client.nodes.info(filter_path="nodes.*.version").body.get("nodes", {})
    except Exception as error:  # connection refused, timeout, TLS, authentication: it cannot serve
        return [
            Error(
                f"Elasticsearch at {url} cannot be reached: {error.__class__.__name__}: {error}",
                hint="Start the cluster, or set ELASTICSEARCH_URL to it (SEARCH_BACKEND=database searches "
                "the database instead).",
                id="archive.E004",
            )
        ]
    versions = sorted({node["version"] for node in nodes.values()})
    if any(int(version.split(".")[0]) != SUPPORTED_ELASTICSEARCH for version in versions):
        return [
            Error(
                f"Elasticsearch at {url} runs {', '.join(versions)}; the archive's client speaks "
                f"{SUPPORTED_ELASTICSEARCH}.x only.",
                hint=f"Use an Elasticsearch {SUPPORTED_ELASTICSEARCH}.x cluster.",
                id="archive.E005",
            )
        ]
    try:
        missing = missing_analysis(client)
        found = index_exists(client)
    except Exception as error:  # it answered, then failed: as unusable as unreachable
        return [
            Error(
                f"Elasticsearch at {url} fails: {error.__class__.__name__}: {error}",
                hint="Look at the cluster's health and logs.",
                id="archive.E007",
            )
        ]
    if missing:
        return [
            Error(
                f"Elasticsearch at {url} lacks what the catalogue index analyses text with: {', '.join(missing)}.",
                hint="Use a distribution with the analysis-common module (every standard one has it) and "
                "ELASTICSEARCH_ANALYSIS=builtin; on a node without it, install the archive-analysis plugin "
                "(search/elasticsearch_plugin, scripts/elasticsearch.sh) and set ELASTICSEARCH_ANALYSIS="
                "plugin or auto.",
                id="archive.E006",
            )
        ]
    return found


def missing_analysis(client: Elasticsearch, chosen: dict | None = None) -> list[str]:
    """The tokenizers and token filters of our analysers (the settings' choice unless given) that the
    cluster's `_analyze` does not know."""
    chosen = chosen or analysis(analysis_filters(client))
    configured = chosen.get("filter", {})
    parts = {}
    for analyser in chosen["analyzer"].values():
        parts[("tokenizer", analyser["tokenizer"])] = None
        parts.update({("filter", name): None for name in analyser.get("filter", [])})
    missing = []
    for kind, name in parts:
        request = (
            {"tokenizer": name}
            if kind == "tokenizer"
            else {"tokenizer": "standard", "filter": [configured.get(name, name)]}
        )
        try:
            client.indices.analyze(text="Klaipėda", **request)
        except ApiError as error:
            if error.meta.status != 400:
                raise
            missing.append(f"{kind} {name}")
    return missing


def index_exists(client: Elasticsearch) -> list[CheckMessage]:
    alias = f"{settings.SEARCH_INDEX_PREFIX}-catalogue"
    if client.indices.exists_alias(name=alias):
        return []
    return [
        checks.Warning(
            f"Elasticsearch has no catalogue index behind the alias {alias!r}: search answers "
            "'unavailable' until it is built.",
            hint="Run `manage.py search_reindex`.",
            id="archive.W001",
        )
    ]
