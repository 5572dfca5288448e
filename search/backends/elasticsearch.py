"""The Elasticsearch backend: our own catalogue index behind an alias, rebuilt without downtime."""

import base64
import json
import logging
import time
import zlib
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from functools import lru_cache
from uuid import uuid4

import elastic_transport
from django.conf import settings
from elasticsearch import ApiError, BadRequestError, Elasticsearch, NotFoundError, helpers

from search.backends import Progress
from search.backends.es_mapping import MAPPING_VERSION, index_body, mappings
from search.backends.es_query import facets_body, features_body, read_response, search_body, suggest_body
from search.documents import documents_for, indexable_features, indexable_items
from search.query import SearchQuery
from search.results import SearchResults, SearchUnavailable

logger = logging.getLogger(__name__)
BULK_CHUNK = 1000
BULK_THREADS = 2
LIVE_SETTINGS = {"refresh_interval": "1s", "translog": {"durability": "request"}}
BULK_TIMEOUT = 120  # seconds; a bulk request or an index creation may queue behind merges on a busy node
# What a node offers the analysers: Elasticsearch's own module, or our plugin (search/elasticsearch_plugin).
ANALYSIS_PROVIDERS = {"builtin": "analysis-common", "plugin": "archive-analysis"}


def client_for(url: str, timeout: float) -> Elasticsearch:
    """The client of a cluster, with the credentials and the CA certificate the settings name."""
    return _client(
        url,
        timeout,
        settings.ELASTICSEARCH_API_KEY,
        settings.ELASTICSEARCH_USERNAME,
        settings.ELASTICSEARCH_PASSWORD,
        settings.ELASTICSEARCH_CA_CERTS,
    )


@lru_cache(maxsize=8)
def _client(url: str, timeout: float, api_key: str, username: str, password: str, ca_certs: str) -> Elasticsearch:
    options = {}
    if api_key:
        options["api_key"] = api_key
    elif username:
        # Encoded here, as UTF-8 the way Elasticsearch reads it: the client encodes a (user, password) pair
        # as ASCII and fails on a password such as "žodis".
        options["basic_auth"] = base64.b64encode(f"{username}:{password}".encode()).decode("ascii")
    if ca_certs:
        options["ca_certs"] = ca_certs
    # One retry at most: when the node is down the page should say so at once, not after a minute.
    return Elasticsearch(url, request_timeout=timeout, max_retries=1, retry_on_timeout=False, **options)


def analysis_filters(client: Elasticsearch) -> str:
    """ "builtin" or "plugin": ELASTICSEARCH_ANALYSIS, or with "auto" what every node of the cluster has."""
    if settings.ELASTICSEARCH_ANALYSIS != "auto":
        return settings.ELASTICSEARCH_ANALYSIS
    return _detected_filters(client)


@lru_cache(maxsize=8)
def _detected_filters(client: Elasticsearch) -> str:
    """Asked once per client (the nodes info API); a cluster that will not say is taken to be a stock one."""
    try:
        nodes = client.nodes.info(metric="plugins", filter_path="nodes.*.modules.name,nodes.*.plugins.name")
    except ApiError as error:
        if error.meta.status not in (401, 403):
            raise
        logger.warning(
            "Elasticsearch does not list its modules (%s): using its built-in analysis filters", error.meta.status
        )
        return "builtin"
    found = [
        {part["name"] for part in node.get("modules", []) + node.get("plugins", [])}
        for node in nodes.body.get("nodes", {}).values()
    ]
    for filters, provider in ANALYSIS_PROVIDERS.items():
        if found and all(provider in names for names in found):
            return filters
    raise SearchUnavailable(
        f"the Elasticsearch nodes have neither the analysis-common module nor the "
        f"archive-analysis plugin on every node: {sorted(set().union(*found))}"
    )


@contextmanager
def unavailable_when_down() -> Iterator[None]:
    try:
        yield
    except elastic_transport.TransportError as error:
        raise SearchUnavailable(f"Elasticsearch cannot be reached: {error}") from error
    except ApiError as error:
        if error.meta.status >= 500 or isinstance(error, NotFoundError):
            raise SearchUnavailable(f"Elasticsearch answered {error.meta.status}: {error.message}") from error
        raise


def failed(response: dict) -> None:
    """An error inside an _msearch answer (whose own status is 200), raised as a search that failed would be."""
    status, error = response.get("status", 500), response["error"]
    reason = error.get("reason", error) if isinstance(error, dict) else error
    if status >= 500 or status == 404:
        raise SearchUnavailable(f"Elasticsearch answered {status}: {reason}")
    raise RuntimeError(f"Elasticsearch refused the search ({status}): {reason}")


class ElasticsearchBackend:
    name = "elasticsearch"

    def __init__(self, url: str | None = None, index_prefix: str | None = None):
        self.url = url or settings.ELASTICSEARCH_URL
        self.alias = f"{index_prefix or settings.SEARCH_INDEX_PREFIX}-catalogue"
        self.client = client_for(self.url, settings.ELASTICSEARCH_TIMEOUT)

    def search(self, query: SearchQuery) -> SearchResults:
        """The page of hits and the counts, as two searches the node runs side by side (es_query.py). Both go to
        the copies of the shards the query's own `preference` picks: the same query always meets the request
        cache that holds its counts, and its total and hits come from the same copy; other queries spread."""
        counting = facets_body(query)
        header = {"preference": f"q{zlib.crc32(json.dumps(counting, sort_keys=True).encode()):08x}"}
        with unavailable_when_down():
            answer = self.client.msearch(index=self.alias, searches=[header, search_body(query), header, counting])
        hits, counted = answer["responses"]
        for response in (hits, counted):
            if "error" in response:
                failed(response)
        return read_response(hits, counted)

    def suggest(self, text: str, language: str, limit: int = 8) -> list[str]:
        with unavailable_when_down():
            response = self.client.search(index=self.alias, body=suggest_body(text, language, limit))
        titles = (hit["_source"].get(f"title_{language}", "") for hit in response["hits"]["hits"])
        return list(dict.fromkeys(title for title in titles if title))

    def search_features(self, text: str, language: str, limit: int = 5) -> list[int]:
        with unavailable_when_down():
            response = self.client.search(index=self.alias, body=features_body(text, language, limit))
        return [hit["_source"]["page_id"] for hit in response["hits"]["hits"]]

    def update(self, page_ids: Iterable[int]) -> None:
        page_ids = set(page_ids)
        if not page_ids:
            return
        documents = list(documents_for(page_ids))
        findable = {document["page_id"] for document in documents}
        actions = [{"_id": str(doc["page_id"]), "_source": doc} for doc in documents]
        actions += [{"_op_type": "delete", "_id": str(pk)} for pk in page_ids - findable]
        with unavailable_when_down():
            self.ensure_index()
            _, errors = helpers.bulk(
                self.client, actions, index=self.alias, raise_on_error=False, refresh=settings.SEARCH_REFRESH_ON_WRITE
            )
        failures = [error for error in errors if error.get("delete", {}).get("status") != 404]
        if failures:
            raise SearchUnavailable(f"Elasticsearch refused {len(failures)} updates: {failures[:3]}")

    def ensure_index(self) -> None:
        """Create an empty index behind the alias on first use, so edits can be indexed before a rebuild;
        an index made by an older version of the code gets the current fields."""
        if not self.client.indices.exists_alias(name=self.alias):
            self.swap_alias(self.create_index())
        else:
            self.upgrade_mapping()

    def upgrade_mapping(self) -> None:
        """Add the fields of a newer mapping to the index in place: the strict mapping would otherwise refuse
        every edit made after a deploy until `search_reindex`, which fills the fields in for older documents."""
        for index, found in self.client.indices.get_mapping(index=self.alias).body.items():
            meta = found["mappings"].get("_meta", {})
            version = meta.get("version", 1)
            if version >= MAPPING_VERSION:
                continue
            logger.warning(
                "index %s has mapping version %s, not %s: adding the new fields; run search_reindex "
                "so the documents already indexed get them",
                index,
                version,
                MAPPING_VERSION,
            )
            current = mappings()
            # The documents already there keep the older version until a rebuild: preflight reads it.
            documents_version = meta.get("documents_version", version)
            try:
                self.client.indices.put_mapping(
                    index=index,
                    properties=current["properties"],
                    meta={**current["_meta"], "documents_version": documents_version},
                )
            except BadRequestError as error:
                raise SearchUnavailable(
                    f"index {index} cannot take mapping version {MAPPING_VERSION} in place; "
                    f"run search_reindex: {error.message}"
                ) from error

    def reindex_reason(self) -> str | None:
        """Why the index needs `search_reindex` (none yet, or documents of an older mapping); None if current."""
        with unavailable_when_down():
            if not self.client.indices.exists_alias(name=self.alias):
                return f"there is no index behind {self.alias} yet"
            for index, found in self.client.indices.get_mapping(index=self.alias).body.items():
                meta = found["mappings"].get("_meta", {})
                version = min(meta.get("version", 1), meta.get("documents_version", MAPPING_VERSION))
                if version < MAPPING_VERSION:
                    return f"index {index} holds documents of mapping version {version}, the code {MAPPING_VERSION}"
        return None

    def create_index(self, **index_settings) -> str:
        """A new index named after the alias and the time, with the shards, replicas and filters of the settings."""
        name = f"{self.alias}-{time.strftime('%Y%m%d%H%M%S')}-{uuid4().hex[:6]}"
        body = index_body(analysis_filters(self.client), settings.ELASTICSEARCH_SHARDS, settings.ELASTICSEARCH_REPLICAS)
        body["settings"].update(index_settings)
        self.client.options(request_timeout=BULK_TIMEOUT).indices.create(index=name, body=body)
        return name

    def swap_alias(self, new_index: str) -> None:
        """Point the alias at the new index in one atomic step, then drop the indices it left."""
        try:
            old = list(self.client.indices.get_alias(name=self.alias).body)
        except NotFoundError:
            old = []
        actions = [{"remove": {"index": index, "alias": self.alias}} for index in old]
        actions.append({"add": {"index": new_index, "alias": self.alias}})
        self.client.indices.update_aliases(actions=actions)
        for index in old:
            self.client.indices.delete(index=index, ignore_unavailable=True)

    def rebuild(self, progress: Progress | None = None) -> int:
        patient = self.client.options(request_timeout=BULK_TIMEOUT)
        with unavailable_when_down():
            # Bulk loading: no refreshes, no replicas and a lazily synced translog until the index is complete.
            new_index = self.create_index(refresh_interval="-1", translog={"durability": "async"}, number_of_replicas=0)
            try:
                count = self.fill(patient, new_index, progress)
                patient.indices.put_settings(
                    index=new_index, settings={**LIVE_SETTINGS, "number_of_replicas": settings.ELASTICSEARCH_REPLICAS}
                )
                patient.indices.refresh(index=new_index)
            except BaseException:
                self.client.indices.delete(index=new_index, ignore_unavailable=True)
                raise
            self.swap_alias(new_index)
        return count

    def fill(self, client: Elasticsearch, index: str, progress: Progress | None) -> int:
        """Build documents here, send them from two threads: Elasticsearch analyses one batch while
        the next is read from the database (which stays on this thread and its connection)."""
        page_ids = [*indexable_items().order_by("pk").values_list("pk", flat=True)]
        for features in indexable_features():
            page_ids += features.order_by("pk").values_list("pk", flat=True)
        done, in_flight = 0, deque()
        with ThreadPoolExecutor(max_workers=BULK_THREADS) as pool:
            for start in range(0, len(page_ids), BULK_CHUNK):
                actions = [
                    {"_id": str(doc["page_id"]), "_source": doc}
                    for doc in documents_for(page_ids[start : start + BULK_CHUNK])
                ]
                in_flight.append(pool.submit(helpers.bulk, client, actions, index=index))
                while len(in_flight) >= BULK_THREADS or (in_flight and start + BULK_CHUNK >= len(page_ids)):
                    done += in_flight.popleft().result()[0]
                    if progress:
                        progress(done, len(page_ids))
        return done

    def delete_all(self) -> None:
        """Drop the alias and every index behind it; the test suite starts each test from nothing."""
        with unavailable_when_down():
            # Elasticsearch 8 refuses wildcard deletes, so name each index.
            for index in self.client.indices.get(index=f"{self.alias}-*", allow_no_indices=True).body:
                self.client.indices.delete(index=index, ignore_unavailable=True)
