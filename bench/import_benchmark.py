"""Spreadsheet import benchmark: generate N item rows, import them into a throwaway catalogue, print rows/s.

    .venv/bin/python bench/import_benchmark.py [--rows 10000] [--publish] [--update] [--profile]
    .venv/bin/python bench/import_benchmark.py --rows 10000 --stop-after 20   # kill it mid-import
    DATABASE_URL=postgres://archive@127.0.0.1:5432/postgres .venv/bin/python bench/import_benchmark.py

Each run is a child process with a throwaway ARCHIVE_VAR_DIR (SQLite database and media in a temporary
folder), the embedded settings (immediate background tasks, Wagtail's database search) and a fresh
catalogue: vocabularies, one collection in Lithuanian and English. With DATABASE_URL, the same run is made
on PostgreSQL too, in a throwaway database created next to the one the URL names (and dropped after).

It writes a CSV of N rows with every template column filled (quotes, commas, paragraphs, lists, related
items), runs `manage.py import_items` on it and prints: rows/s until the import's transaction committed,
rows/s including what runs right after the commit in the embedded run (Wagtail's search and reference
indexes, the search outbox's sync), and the peak RSS of the process. --update publishes the first import
(an existing catalogue), then imports the file again with every title changed: updates of published items,
as drafts for approval unless --publish. --stop-after kills the import (SIGKILL) that many seconds
after it started and counts the items left: an import is all or nothing, so it must be none.
Figures depend on the machine's load: the script prints `uptime` with them.
"""

import argparse
import csv
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
STARTED = "import started"


def say(message: str) -> None:
    print(message, flush=True)


# --- the child: one backend, one throwaway catalogue -------------------------------------------------------


def child(args) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "archive.settings.base"
    import logging

    import django

    django.setup()
    logging.disable(logging.INFO)
    from django.core.management import call_command

    if args.count:
        from archive.catalogue.models import ItemPage

        say(json.dumps({"items": ItemPage.objects.filter(inventory_number__startswith="BENCH-").count()}))
        return
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    make_catalogue()
    figures = {"migrate_and_setup_s": round(time.perf_counter() - started, 1)}
    path = Path(os.environ["ARCHIVE_VAR_DIR"]) / "items.csv"
    write_rows(path, args.rows)
    say(STARTED)
    figures["import"] = timed_import(path, args.rows, args.publish or args.update, args.profile)
    if args.update:
        write_rows(path, args.rows, title_prefix="Atnaujintas")
        figures["update"] = timed_import(path, args.rows, args.publish, args.profile)
    figures["peak_rss_mib"] = round(peak_rss_kib() / 1024)
    say("RESULT " + json.dumps(figures))


def make_catalogue() -> None:
    from archive.catalogue.seed.source import CollectionSource, SeedSource
    from archive.catalogue.seed.writer import SeedWriter

    folder = Path(os.environ["ARCHIVE_VAR_DIR"])
    source = SeedSource(
        root=folder,
        techniques=[{"key": f"technique-{n}", "lt": f"Technika {n}", "en": f"Technique {n}"} for n in range(8)],
        materials=[{"key": f"material-{n}", "lt": f"Medžiaga {n}", "en": f"Material {n}"} for n in range(8)],
        creators=[{"key": f"creator-{n}", "name": f"Kūrėjas {n}", "kind": "person"} for n in range(40)],
        places=[{"key": f"place-{n}", "name": f"Vieta {n}"} for n in range(40)],
        collections=[
            CollectionSource(
                folder,
                {
                    "slug": "vitrazai",
                    "title": {"lt": "Vitražai", "en": "Stained glass"},
                    "default_rights": "http://rightsstatements.org/vocab/InC-EDU/1.0/",
                },
                [],
            )
        ],
    )
    writer = SeedWriter(source, lambda _line: None)
    writer.write_vocabularies()
    writer.write_collection(writer.ensure_home(), source.collections[0], 1)


def write_rows(path: Path, rows: int, title_prefix: str = "Vitražas") -> None:
    from archive.imports.columns import COLUMNS

    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=[column.name for column in COLUMNS])
        writer.writeheader()
        for number in range(rows):
            year = 1850 + number % 150
            writer.writerow(
                {
                    "inventory_number": f"BENCH-{number:06d}",
                    "collection": "vitrazai",
                    "title_lt": f'{title_prefix} "Laivai" {number}, uoste',
                    "title_en": f"Ships {number}, harbour",
                    "alternative_titles": f"Langas {number}; Laivai",
                    "creators": f"creator-{number % 40}:artist",
                    "date_text": f"apie {year} m.",
                    "date_text_en": f"c. {year}",
                    "year_earliest": year - 2,
                    "year_latest": year + 2,
                    "place": f"place-{number % 40}",
                    "techniques": f"technique-{number % 8}; technique-{(number + 1) % 8}",
                    "materials": f"material-{number % 8}",
                    "dimensions": f"{number % 300} x 120 cm",
                    "description_lt": f"Pirma pastraipa apie {number}.\n\nAntra pastraipa, su kableliais; ir t. t.",
                    "description_en": f"First paragraph about {number}.",
                    "inscriptions": f"=A{number}+1",
                    "provenance_lt": "Iš parapijos",
                    "provenance_en": "From the parish",
                    "condition_lt": "Gera",
                    "condition_en": "Good",
                    "subjects": f"jūra; laivai; tema {number % 50}",
                    "rights": "",
                    "credit_line_lt": "Klaipėdos biblioteka",
                    "credit_line_en": "Klaipėda library",
                    "related": f"BENCH-{number - 1:06d}" if number else "",
                }
            )


def timed_import(path: Path, rows: int, publish: bool, profile: bool) -> dict:
    import cProfile
    import io
    import pstats

    from django.core.management import call_command

    output = ProgressEcho()
    profiler = cProfile.Profile() if profile else None
    started = time.perf_counter()
    if profiler:
        profiler.enable()
    call_command("import_items", str(path), *(["--publish"] if publish else []), stdout=output, stderr=io.StringIO())
    if profiler:
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
    total = time.perf_counter() - started
    committed = output.committed_after or total
    return {
        "rows": rows,
        "committed_s": round(committed, 1),
        "rows_per_s_committed": round(rows / committed),
        "total_s": round(total, 1),
        "rows_per_s_total": round(rows / total),
    }


class ProgressEcho:
    """The command's output: progress lines are echoed, the commit time is noted, row lines are dropped."""

    def __init__(self):
        self.started = time.perf_counter()
        self.committed_after: float | None = None

    def write(self, text: str) -> None:
        if "committed" in text:
            self.committed_after = time.perf_counter() - self.started
        if re.search(r"rows/s|prepared|committed|wrote|Imported", text):
            say("   " + text.strip())

    def flush(self) -> None:
        pass


def peak_rss_kib() -> int:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


# --- the parent: a child per backend -------------------------------------------------------------------------


def throwaway_postgres(url: str):
    """A database of its own next to the one the URL names: (its URL, a function that drops it)."""
    import psycopg

    name = f"archive_import_bench_{os.getpid()}"
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(url)

    def drop() -> None:
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return urlunsplit(parts._replace(path=f"/{name}")), drop


def run_backend(label: str, database_url: str | None, args) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="archive-import-bench-"))
    env = {**os.environ, "ARCHIVE_VAR_DIR": str(folder)}
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    command = [sys.executable, __file__, "--child", "--rows", str(args.rows)]
    command += [
        flag
        for flag, wanted in (("--publish", args.publish), ("--update", args.update), ("--profile", args.profile))
        if wanted
    ]
    say(f"{label}: {args.rows} rows, {'published' if args.publish else 'drafts for approval'} ({folder})")
    try:
        if args.stop_after:
            return stopped_run(command, env, args.stop_after)
        result = subprocess.run(command, env=env, capture_output=False, stdout=subprocess.PIPE, text=True, check=True)
        lines = result.stdout.splitlines()
        for line in lines:
            if not line.startswith("RESULT "):
                say(line)
        return json.loads(next(line for line in lines if line.startswith("RESULT "))[len("RESULT ") :])
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def stopped_run(command: list[str], env: dict, seconds: float) -> dict:
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
    for line in process.stdout:
        say(line.rstrip())
        if line.strip() == STARTED:
            break
    seen: list[str] = []
    reader = threading.Thread(target=lambda: seen.extend(line.rstrip() for line in process.stdout), daemon=True)
    reader.start()
    time.sleep(seconds)
    process.send_signal(signal.SIGKILL)
    process.wait()
    reader.join(timeout=5)
    say(f"  killed {seconds} s after the import started; its last report: {seen[-1].strip() if seen else '-'}")
    counted = subprocess.run(
        [sys.executable, __file__, "--child", "--count"], env=env, stdout=subprocess.PIPE, text=True, check=True
    )
    left = json.loads(counted.stdout.strip().splitlines()[-1])
    return {"stopped_after_s": seconds, "item_pages_left": left["items"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--publish", action="store_true", help="publish at once (default: drafts for approval)")
    parser.add_argument("--update", action="store_true", help="then import the file again with new titles")
    parser.add_argument("--profile", action="store_true", help="print the 30 costliest calls (cProfile)")
    parser.add_argument("--stop-after", type=float, help="kill the import this many seconds after it starts")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--count", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    say("load: " + subprocess.run(["uptime"], stdout=subprocess.PIPE, text=True).stdout.strip())
    figures = {"sqlite": run_backend("SQLite", None, args)}
    if os.environ.get("DATABASE_URL"):
        url, drop = throwaway_postgres(os.environ["DATABASE_URL"])
        try:
            figures["postgresql"] = run_backend("PostgreSQL", url, args)
        finally:
            drop()
    say("load: " + subprocess.run(["uptime"], stdout=subprocess.PIPE, text=True).stdout.strip())
    say(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
