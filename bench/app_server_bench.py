"""The application server on the Python path: gunicorn (gunicorn.conf.py) against granian (not a test).

    .venv/bin/python bench/app_server_bench.py [--rounds 3] [--concurrency 8] [--granian-workers 2]

Issue 18 asks to measure gunicorn against granian and keep the faster; production stays on gunicorn until
these figures say otherwise. Both serve the embedded default (archive.settings.dev, as `make serve`, no access
log line for image requests) of a throwaway site: one published item with a public image, its tile files
written at ingest. nginx is bypassed: the load goes straight to the application server, so a stored tile is
read by the application (media/served.py), as for a draft or where no front serves the tile files. Three
requests, each measured on its own, warm: a stored canonical tile, its info.json and the item page.
Rounds alternate the order of the servers; each round starts each server afresh. It prints requests/s, p50
and p99 latency (ms) and the peak RSS of the server's processes (the sum of each one's VmHWM, MiB).
The load comes from h2load (bench/native_client.py). granian is not a dependency: install it where this
Python finds it (`pip install granian`), or the bench says it is missing and measures gunicorn alone.
"""

import argparse
import http.client
import importlib.util
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import native_client
from iiif_bench import PYTHON, REPO

SITE = Path(tempfile.gettempdir()) / "archive-app-server-bench"
INVENTORY = "AS-1"
SETUP = """
import pyvips
from media.ingest import ingest_image
from tests.factories import make_collection, make_home, make_item
xy = pyvips.Image.xyz(3000, 2000)
(xy[0] / 12).cast("uchar").bandjoin([(xy[1] / 8).cast("uchar"), xy[0].cast("uchar")]).write_to_file({picture!r})
image = ingest_image({picture!r}, identifier="bench", title="Bench", is_public=True)
make_item(make_collection(make_home(), title="Vitražai", slug="vitrazai"), title="Langas",
          inventory_number={inventory!r}, images=[image])
"""
# path, requests per pass; the item's permanent link is followed to the page it redirects to
REQUESTS = {
    "tile": ("/iiif/3/bench/256,256,256,256/256,256/0/default.jpg", 4000),
    "info.json": ("/iiif/3/bench/info.json", 3000),
    "item page": (f"/item/{INVENTORY}/", 400),
}


def site_environment() -> dict[str, str]:
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "S3_BUCKET", "SEARCH_BACKEND", "DEBUG")
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="archive.settings.dev",
        ARCHIVE_DATA_DIR=str(SITE / "var"),
        ACCESS_LOG="skip-iiif",
        LOG_LEVEL="WARNING",
    )
    return environment


def build_site(environment: dict[str, str]) -> None:
    if (SITE / "var" / ".built").exists():
        return
    print(f"building the bench site in {SITE} ...", flush=True)
    (SITE / "var").mkdir(parents=True, exist_ok=True)
    setup = SETUP.format(picture=str(SITE / "picture.png"), inventory=INVENTORY)
    for command in (["migrate", "--noinput", "-v0"], ["shell", "-c", setup]):
        subprocess.run([PYTHON, "manage.py", *command], cwd=REPO, env=environment, check=True)
    (SITE / "var" / ".built").touch()


def start(name: str, environment: dict[str, str], port: int, granian_workers: int) -> subprocess.Popen:
    environment = {**environment, "PUBLIC_BASE_URL": f"http://127.0.0.1:{port}"}
    if name == "gunicorn":
        command = [PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py", "archive.wsgi"]
        environment["BIND"] = f"127.0.0.1:{port}"
    else:
        command = [
            PYTHON,
            "-m",
            "granian",
            "--interface",
            "wsgi",
            "--workers",
            str(granian_workers),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
            "archive.wsgi:application",
        ]
    return subprocess.Popen(
        command,
        cwd=REPO,
        env=environment,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=open(SITE / f"{name}.log", "a"),
    )


def peak_rss_mib(group: int) -> float:
    """The sum of the peak resident memory (VmHWM) of every process in the server's process group."""
    total = 0
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            if os.getpgid(int(status.parent.name)) != group:
                continue
            total += next(int(line.split()[1]) for line in status.read_text().splitlines() if line.startswith("VmHWM:"))
        except (OSError, StopIteration, ValueError):
            continue
    return total / 1024


def stop(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    except ProcessLookupError:
        pass


def measure(name: str, environment: dict[str, str], options) -> dict[str, tuple[float, float, float]]:
    """One fresh server: each request warmed, then measured; {request: (requests/s, p50, p99)} and "rss"."""
    port = free_port()
    process = start(name, environment, port, options.granian_workers)
    try:
        wait_listening(process, port)
        figures = {}
        for label, (path, count) in REQUESTS.items():
            path = final_path(port, path)
            native_client.fetch_all(port, "", [path] * 50, options.concurrency)  # warm: caches, imports, memo
            result = native_client.fetch_all(port, "", [path] * count, options.concurrency)
            if result.errors:
                raise SystemExit(f"{name}: {result.errors} of {count} requests for {path} failed")
            figures[label] = (result.per_second, result.p50_ms, result.p99_ms)
        figures["rss"] = peak_rss_mib(process.pid)
        return figures
    finally:
        stop(process)


def final_path(port: int, path: str) -> str:
    """The path a GET of `path` ends on after redirects (the item's permanent link names its page)."""
    for _ in range(5):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        connection.close()
        if response.status not in (301, 302, 307, 308):
            return path
        path = response.getheader("Location").split(f"127.0.0.1:{port}", 1)[-1]
    raise SystemExit(f"{path}: too many redirects")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_listening(process: subprocess.Popen, port: int, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{process.args[2]} exited with {process.returncode} (its log: {SITE})")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise SystemExit(f"nothing listens on {port} after {seconds} s")


def report(rounds: list[dict[str, dict]]) -> None:
    names = list(rounds[0])
    print(f"\nmedian of {len(rounds)} rounds (requests/s, p50 / p99 ms); peak RSS of the server's processes:")
    for label in REQUESTS:
        cells = []
        for name in names:
            rates, p50s, p99s = zip(*(result[name][label] for result in rounds), strict=True)
            cells.append(
                f"{name} {statistics.median(rates):7.0f}/s {statistics.median(p50s):5.1f} / "
                f"{statistics.median(p99s):5.1f}"
            )
        ratio = ""
        if len(names) == 2:
            first, second = (statistics.median(result[name][label][0] for result in rounds) for name in names)
            ratio = f"   {names[1]}/{names[0]} {second / first:.2f}x"
        print(f"  {label:10} " + "   ".join(cells) + ratio)
    print(
        "  peak RSS   "
        + "   ".join(f"{name} {statistics.median(r[name]['rss'] for r in rounds):.0f} MiB" for name in names)
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--granian-workers", type=int, default=2)
    options = parser.parse_args()
    if not native_client.available():
        print("h2load is missing: apt-get install nghttp2-client", file=sys.stderr)
        return 1
    names = ["gunicorn"]
    if importlib.util.find_spec("granian") is None:
        print("granian is not installed here (pip install granian): gunicorn alone", flush=True)
    else:
        names.append("granian")
    environment = site_environment()
    build_site(environment)
    cpus = os.cpu_count()
    print(
        f"{cpus} CPUs, load average {os.getloadavg()[0]:.1f}; concurrency {options.concurrency}; gunicorn as "
        f"gunicorn.conf.py, granian {options.granian_workers} workers (WSGI)",
        flush=True,
    )
    rounds = []
    for number in range(options.rounds):
        order = names if number % 2 == 0 else names[::-1]
        results = {}
        for name in order:
            time.sleep(2)  # the previous server's exit settles
            results[name] = measure(name, environment, options)
            row = "  ".join(
                f"{label} {rate:.0f}/s p99 {p99:.1f}"
                for label, (rate, _, p99) in ((label, results[name][label]) for label in REQUESTS)
            )
            print(f"round {number + 1} {name:8} {row}  rss {results[name]['rss']:.0f} MiB", flush=True)
        rounds.append({name: results[name] for name in names})
    report(rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
