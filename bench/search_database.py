"""The database-backend part of the search benchmark (`bench/search_benchmark.py --backend database`).

The embedded default searches with Wagtail's database index (SQLite FTS5, or PostgreSQL's full text) and
counts facets in SQL (search/backends/database.py). Target from issue 17: p95 <= 300 ms for the typical
faceted queries at 10,000 items. The catalogue goes to its own SQLite file (var/bench/search-database.sqlite3),
so the Elasticsearch run's catalogue is left alone, or to the empty database `--database-url` names
(create a throwaway one and drop it after).
"""

import argparse
import time
from pathlib import Path

SQLITE_FILE = "search-database.sqlite3"


def database_url(argv: list[str], bench_dir: Path) -> str | None:
    """The DATABASE_URL of a `--backend database` run, read before Django starts; None for other runs."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--backend", default="elasticsearch")
    parser.add_argument("--database-url")
    known, _ = parser.parse_known_args(argv)
    if known.backend != "database":
        return None
    return known.database_url or f"sqlite:///{bench_dir / SQLITE_FILE}"


def build(items: int, sqlite_file: Path | None, say) -> float:
    """A fresh catalogue of `items` items, Wagtail's database index of all of them; returns seconds."""
    from django.core.management import call_command
    from django.db import connection

    from bench.search_data import generate

    if sqlite_file is not None:
        connection.close()
        sqlite_file.unlink(missing_ok=True)
    call_command("migrate", verbosity=0)
    refuse_content()
    started = time.perf_counter()
    generate(items, progress=lambda done, total: done == total and say(f"  generated {done} items"))
    say(f"  indexing {items} items in Wagtail's database index ...")
    index_items()
    return time.perf_counter() - started


def refuse_content() -> None:
    """Another database than the bench's SQLite file must be a fresh one: nothing of it is removed."""
    from archive.catalogue.models import ItemPage

    if ItemPage.objects.exists():
        raise SystemExit("--database-url: give an empty database (e.g. createdb a throwaway one); this one has items")


def index_items() -> None:
    """Wagtail's index of every collection and item, in batches with their relations (the importer's way)."""
    from wagtail.search.backends import get_search_backend

    from archive.catalogue.models import CollectionPage, ItemPage
    from archive.imports.aftercare import update_indexes

    backend = get_search_backend()
    backend.get_index_for_model(CollectionPage).add_items(CollectionPage, list(CollectionPage.objects.all()))
    update_indexes(list(ItemPage.objects.order_by("pk").values_list("pk", flat=True)))


def check_against_reference(queries: dict, say) -> None:
    """The fast backend and the straightforward reference give the same hits, totals and facet counts."""
    from search.backends.database import DatabaseBackend
    from search.query import SearchQuery
    from tests.search.database_reference import ReferenceDatabaseBackend

    fast, reference = DatabaseBackend(), ReferenceDatabaseBackend()
    for name, fields in queries.items():
        query = SearchQuery(**fields)
        if fast.search(query) != reference.search(query):
            raise SystemExit(f"the database backend and the reference disagree on {name!r}")
    say(f"  the database backend agrees with the reference on all {len(queries)} queries")


def time_backend(backend, queries: dict, repeat: int, say) -> dict:
    """Wall and CPU milliseconds of each query (`repeat` runs after a warm-up). On SQLite the database works
    in this process, so its CPU time counts the whole search and shows the work when other load slows the
    wall clock; on PostgreSQL the server's share is only in the wall time."""
    from search.query import SearchQuery

    report, walls, cpus = {}, [], []
    for name, fields in queries.items():
        query = SearchQuery(**fields)
        hits = backend.search(query).count
        wall, cpu = [], []
        for _ in range(repeat):
            started, started_cpu = time.perf_counter(), time.process_time()
            backend.search(query)
            wall.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        walls += wall
        cpus += cpu
        report[name] = {"hits": hits, **summary(wall, cpu)}
        say(
            f"  {name:24} hits {hits:6}  wall p50 {report[name]['p50_ms']:8.1f} p95 {report[name]['p95_ms']:8.1f} ms"
            f"  cpu p50 {report[name]['cpu_p50_ms']:8.1f} p95 {report[name]['cpu_p95_ms']:8.1f} ms"
        )
    report["all queries"] = summary(walls, cpus)
    return report


def summary(wall: list[float], cpu: list[float]) -> dict:
    return {
        "p50_ms": round(percentile(wall, 0.5), 1),
        "p95_ms": round(percentile(wall, 0.95), 1),
        "cpu_p50_ms": round(percentile(cpu, 0.5), 1),
        "cpu_p95_ms": round(percentile(cpu, 0.95), 1),
    }


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))]


def run(args: argparse.Namespace, queries: dict, say) -> dict:
    """Build (unless --reuse), check, then time every query; the figures for search-database-results.json."""
    import os

    from django.db import connection

    from search.backends.database import DatabaseBackend

    figures: dict = {"items": args.items, "database": connection.vendor, "load_before": os.getloadavg()[0]}
    sqlite_file = Path(connection.settings_dict["NAME"]) if connection.vendor == "sqlite" else None
    if not args.reuse:
        figures["build_s"] = round(build(args.items, sqlite_file, say), 1)
    if args.check:
        check_against_reference(queries, say)
    if args.reference_repeat:
        from tests.search.database_reference import ReferenceDatabaseBackend

        say("the reference (the backend before issue 17):")
        figures["reference_queries"] = time_backend(ReferenceDatabaseBackend(), queries, args.reference_repeat, say)
    say("the database backend:")
    figures["database_queries"] = time_backend(DatabaseBackend(), queries, args.db_repeat, say)
    figures["load_after"] = os.getloadavg()[0]
    overall = figures["database_queries"]["all queries"]
    met = "met" if overall["p95_ms"] <= 300 else "NOT met"
    say(
        f"\nDatabase backend on {connection.vendor}, {args.items} items, load {figures['load_before']:.1f} before "
        f"and {figures['load_after']:.1f} after: wall p50 {overall['p50_ms']} ms, p95 {overall['p95_ms']} ms "
        f"(target p95 <= 300 ms at 10,000 items: {met}); CPU p95 {overall['cpu_p95_ms']} ms"
    )
    return figures
