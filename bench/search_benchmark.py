"""Search benchmark: index generated items, then time typical faceted queries on both backends.

    scripts/elasticsearch.sh start
    .venv/bin/python bench/search_benchmark.py [--items 100000] [--repeat 30] [--db-repeat 5]

It builds a throwaway SQLite catalogue in var/bench/search.sqlite3 (bench/search_data.py), rebuilds the
Elasticsearch index `bench-catalogue` from it through the product's own rebuild (documents built from
the database, bulk-loaded, alias switched) and Wagtail's database index for the same pages, then runs
each typical query `--repeat` times on Elasticsearch and `--db-repeat` times on the database backend,
timing the backend call that the search page and the API make (hits, total and every facet).
Targets from issue 5: >= 2,000 items/s indexing, p95 <= 50 ms for faceted queries on Elasticsearch (issue 17:
every typical query). Elasticsearch is timed twice: as a site sees it (a repeated query's facet counts come
from the request cache) and with that cache emptied before each run; an empty search on the same node gives
the floor the machine's load puts under every figure.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
sys.path.insert(0, str(ROOT))
BENCH_DIR.mkdir(parents=True, exist_ok=True)
DATABASE = BENCH_DIR / "search.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings.base")
from bench.search_database import database_url  # noqa: E402

os.environ["DATABASE_URL"] = database_url(sys.argv[1:], BENCH_DIR) or f"sqlite:///{DATABASE}"
os.environ.setdefault("SEARCH_INDEX_PREFIX", "bench")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

QUERIES = {
    "one word": {"text": "vitražas"},
    "word without accents": {"text": "svyturys"},
    "two words": {"text": "uostas Klaipėda"},
    "word + technique facet": {"text": "langas", "filters": {"technique": ("technique-0",)}},
    "place + century facets": {"filters": {"place": ("place-0",), "century": ("19",)}},
    "year range, by date": {"year_from": 1850, "year_to": 1900, "sort": "date"},
    "word + range, page 3": {"text": "bažnyčia", "year_from": 1800, "year_to": 1950, "page": 3},
    "browse all by title": {"sort": "title"},
}


def say(message: str) -> None:
    print(message, flush=True)


def progress(label: str):
    def report(done: int, total: int) -> None:
        if done == total or done % 20_000 == 0:
            say(f"  {label}: {done}/{total}")

    return report


def build_database(items: int) -> float:
    from bench.search_data import generate

    DATABASE.unlink(missing_ok=True)
    say(f"migrating {DATABASE} ...")
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    generate(items, progress=progress("generated"))
    return time.perf_counter() - started


def index_elasticsearch() -> tuple[int, float]:
    from search.backends.elasticsearch import ElasticsearchBackend

    backend = ElasticsearchBackend()
    started = time.perf_counter()
    count = backend.rebuild(progress("elasticsearch"))
    return count, time.perf_counter() - started


def index_database(limit: int) -> tuple[int, float]:
    from modelsearch.backends import get_search_backend

    from archive.catalogue.models import CollectionPage, ItemPage

    backend = get_search_backend()
    started, count = time.perf_counter(), 0
    for model in (CollectionPage, ItemPage):
        index = backend.get_index_for_model(model)
        pks = list(model.objects.order_by("pk").values_list("pk", flat=True)[:limit])
        for start in range(0, len(pks), 1000):
            index.add_items(model, list(model.get_indexed_objects().filter(pk__in=pks[start : start + 1000])))
            count += len(pks[start : start + 1000])
            say(f"  database index: {count}")
    return count, time.perf_counter() - started


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))]


def clear_request_cache() -> None:
    """Empty Elasticsearch's shard request cache, so that the next search counts its facets afresh."""
    from search.backends.elasticsearch import ElasticsearchBackend

    backend = ElasticsearchBackend()
    backend.client.indices.clear_cache(index=backend.alias, request=True)


def elasticsearch_floor(repeat: int) -> dict:
    """A search that does nothing (no hits, no cache) on the same node: what the machine adds to every query."""
    from search.backends.elasticsearch import ElasticsearchBackend

    backend, timings = ElasticsearchBackend(), []
    for _ in range(repeat):
        started = time.perf_counter()
        backend.client.search(index=backend.alias, size=0, request_cache=False, track_total_hits=False)
        timings.append((time.perf_counter() - started) * 1000)
    return {"p50_ms": round(statistics.median(timings), 1), "p95_ms": round(percentile(timings, 0.95), 1)}


def time_queries(backend_name: str, repeat: int, before_each=None, label: str = "") -> dict:
    """p50 and p95 of each query; `before_each` runs untimed before every timed run (e.g. a cache cleared)."""
    from search.backends import get_catalogue_backend
    from search.query import SearchQuery

    backend = get_catalogue_backend(backend_name)
    label = label or backend_name
    report, everything = {}, []
    for name, fields in QUERIES.items():
        query = SearchQuery(**fields)
        results = backend.search(query)  # warm-up, and the hit count for the report
        timings = []
        for _ in range(repeat):
            if before_each:
                before_each()
            started = time.perf_counter()
            backend.search(query)
            timings.append((time.perf_counter() - started) * 1000)
        everything += timings
        report[name] = {
            "hits": results.count,
            "p50_ms": round(statistics.median(timings), 1),
            "p95_ms": round(percentile(timings, 0.95), 1),
        }
        say(
            f"  {label:13} {name:24} hits {results.count:6}  p50 {report[name]['p50_ms']:8.1f} ms"
            f"  p95 {report[name]['p95_ms']:8.1f} ms"
        )
    report["all queries"] = {
        "p50_ms": round(statistics.median(everything), 1),
        "p95_ms": round(percentile(everything, 0.95), 1),
    }
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=30, help="timed runs of each query on Elasticsearch")
    parser.add_argument("--db-repeat", type=int, default=5, help="timed runs of each query on the database")
    parser.add_argument(
        "--db-index-items",
        type=int,
        default=5_000,
        help="items put in Wagtail's database index (it indexes about 30 a second here)",
    )
    parser.add_argument("--reuse", action="store_true", help="keep the catalogue of the previous run")
    parser.add_argument(
        "--backend",
        choices=("elasticsearch", "database"),
        default="elasticsearch",
        help="database: only the embedded default's backend (bench/search_database.py)",
    )
    parser.add_argument("--database-url", help="with --backend database: a throwaway database instead of SQLite")
    parser.add_argument(
        "--check",
        action="store_true",
        help="with --backend database: first compare every query with the reference backend",
    )
    parser.add_argument(
        "--reference-repeat",
        type=int,
        default=0,
        help="with --backend database: also time the backend as it was before issue 17",
    )
    args = parser.parse_args()
    if args.backend == "database":
        from bench.search_database import run

        figures = run(args, QUERIES, say)
        (BENCH_DIR / "search-database-results.json").write_text(json.dumps(figures, indent=2, ensure_ascii=False))
        return

    figures: dict = {"items": args.items}
    if not (args.reuse and DATABASE.exists()):
        figures["generate_s"] = round(build_database(args.items), 1)
    count, seconds = index_elasticsearch()
    figures["elasticsearch_index"] = {
        "pages": count,
        "seconds": round(seconds, 1),
        "pages_per_s": round(count / seconds),
    }
    say(f"Elasticsearch indexing: {count} pages in {seconds:.1f} s = {count / seconds:.0f} pages/s")
    count, seconds = index_database(args.db_index_items)
    figures["database_index"] = {"pages": count, "seconds": round(seconds, 1), "pages_per_s": round(count / seconds)}
    say(f"Database indexing: {count} pages in {seconds:.1f} s = {count / seconds:.0f} pages/s")
    figures["elasticsearch_queries"] = time_queries("elasticsearch", args.repeat)
    figures["elasticsearch_uncached"] = time_queries("elasticsearch", args.repeat, clear_request_cache, "es uncached")
    figures["elasticsearch_floor"] = elasticsearch_floor(args.repeat)
    figures["database_queries"] = time_queries("database", args.db_repeat)

    es_p95 = figures["elasticsearch_queries"]["all queries"]["p95_ms"]
    rate = figures["elasticsearch_index"]["pages_per_s"]
    say(
        f"\nElasticsearch: {rate} pages/s indexing (target >= 2000: {'met' if rate >= 2000 else 'NOT met'}); "
        f"faceted queries p95 {es_p95} ms (target <= 50: {'met' if es_p95 <= 50 else 'NOT met'}); "
        f"{figures['elasticsearch_uncached']['all queries']['p95_ms']} ms with the request cache emptied before "
        f"each; an empty search takes p50 {figures['elasticsearch_floor']['p50_ms']} ms on this machine now"
    )
    db = figures["database_queries"]["all queries"]
    say(f"Database backend: queries p50 {db['p50_ms']} ms, p95 {db['p95_ms']} ms")
    (BENCH_DIR / "search-results.json").write_text(json.dumps(figures, indent=2, ensure_ascii=False))
    say(f"figures written to {BENCH_DIR / 'search-results.json'}")


if __name__ == "__main__":
    main()
