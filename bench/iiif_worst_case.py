"""Worst-case requests against the IIIF image service, with a viewer's tiles beside them (not a test; by hand).

    .venv/bin/python bench/iiif_worst_case.py [--megapixels 190] [--clients 20] [--seconds 60] [--dropping 4]

It ingests the sample of bench/iiif_bench.py (drawn there if missing, about 190 megapixels) into a
throwaway site under var/bench/worst-case, serves it with gunicorn and the project's gunicorn.conf.py on
127.0.0.1 only (production settings, a derivative cache bounded to --cache-mib), then at once
1. runs --clients worst-case clients for --seconds, each sending one request after another, every one
   missing every cache: ^max and !w,h upscales turned by ever different angles, in png, webp, gray,
   bitonal, tif and gif;
2. has --dropping more clients send such requests and hang up after a second, as impatient browsers do;
3. fetches the image's tiles like a viewer (every tile of every level, at --tile-concurrency) until the
   worst-case clients are done,
while sampling the resident memory of gunicorn's whole process tree. It prints the largest RSS of the tree
(sampled, and the sum of each process's own peak, an upper bound), the answers by status, the slowest
worst-case answer, tile p50/p99, how many renders were abandoned for a client that left, the derivative
cache's size against its bound, and the machine's load; then stops gunicorn. Targets (issue): RSS under
1.5 GB, every worst-case answer 200, 400 or 503 within 30 s, tile p99 under 1 s.
"""

import argparse
import http.client
import itertools
import os
import shutil
import signal
import socket
import statistics
import subprocess
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyvips
from iiif_bench import PYTHON, REPO, WORK, sample_image, site_env, tile_paths, wait_for

SITE = WORK / "worst-case"
IDENTIFIER = "worst"
PREFIX = f"/iiif/3/{IDENTIFIER}/"
# What a tester throws at the service: every one makes the largest output the limits allow, or more.
WORST_KINDS = (
    "full/^max/{angle}/default.png",
    "full/^max/!{angle}/gray.webp",
    "full/^!12000,12000/{angle}/default.jpg",
    "full/^max/{angle}/default.webp",
    "full/max/{angle}/default.gif",
    "full/^max/{angle}/default.tif",
    "square/^max/{angle}/bitonal.png",
    "full/^9000,/{angle}/color.webp",
)
WORST_TIMEOUT_SECONDS = 60  # the client's patience; the target is an answer within 30 s
TARGET_RSS_BYTES = 1.5e9
TARGET_WORST_SECONDS = 30
TARGET_TILE_P99_SECONDS = 1.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def prepare_site(source: Path, env: dict) -> None:
    shutil.rmtree(SITE, ignore_errors=True)
    SITE.mkdir(parents=True)
    subprocess.run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], cwd=REPO, env=env, check=True)
    subprocess.run(
        [PYTHON, "manage.py", "ingest_image", str(source), "--identifier", IDENTIFIER, "--public"],
        cwd=REPO,
        env=env,
        check=True,
    )


def start_gunicorn(env: dict, port: int) -> subprocess.Popen:
    """The project's gunicorn.conf.py as production runs it, bound to loopback, without the access log."""
    log = open(SITE / "gunicorn.log", "w")  # noqa: SIM115 (closed with the process by the OS)
    return subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py", "archive.wsgi", "-b", f"127.0.0.1:{port}"]
        + ["--access-logfile", "/dev/null"],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=log,
        start_new_session=True,
    )


def process_tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    tree, pending = [], [root]
    while pending:
        pid = pending.pop()
        tree.append(pid)
        pending.extend(children.get(pid, []))
    return tree


def status_kib(pid: int, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


class MemorySampler(threading.Thread):
    """The summed RSS of the server's process tree, every 100 ms, and each process's own peak (VmHWM)."""

    def __init__(self, root: int):
        super().__init__(daemon=True)
        self.root = root
        self.largest = 0
        self.peaks: dict[int, int] = {}
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.1):
            self.sample()

    def sample(self) -> int:
        tree = process_tree(self.root)
        total = sum(status_kib(pid, "VmRSS") for pid in tree) * 1024
        for pid in tree:
            self.peaks[pid] = max(self.peaks.get(pid, 0), status_kib(pid, "VmHWM") * 1024)
        self.largest = max(self.largest, total)
        return total


class WorstRequests:
    """An endless supply of distinct worst-case paths: each turns by an angle no other uses, so none is cached."""

    def __init__(self, until: float):
        self.until = until
        self.count = itertools.count()
        self.lock = threading.Lock()

    def next(self) -> str | None:
        if time.monotonic() >= self.until:
            return None
        with self.lock:
            number = next(self.count)
        angle = 0.5 + number * 0.01  # distinct for the first 35,000 requests
        return PREFIX + WORST_KINDS[number % len(WORST_KINDS)].format(angle=f"{angle:.2f}")


def worst_client(port: int, requests: WorstRequests, answers: list) -> None:
    while (path := requests.next()) is not None:
        started = time.perf_counter()
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=WORST_TIMEOUT_SECONDS)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException) as error:
            status = type(error).__name__
        finally:
            connection.close()
        answers.append((status, time.perf_counter() - started, path))


def dropping_client(port: int, requests: WorstRequests) -> None:
    """Sends worst-case requests and hangs up on each after a second, without reading the answer."""
    while (path := requests.next()) is not None:
        with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
            connection.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
            time.sleep(1)


def tile_viewer(port: int, paths: list[str], stop: threading.Event, latencies: list, statuses: Counter) -> None:
    """Fetches tiles over one kept-alive connection, round and round its share, until told to stop."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for path in itertools.cycle(paths):
        if stop.is_set():
            break
        started = time.perf_counter()
        for attempt in range(2):  # like browsers, retry once when the server closed a kept-alive connection
            try:
                connection.request("GET", PREFIX + path)
                response = connection.getresponse()
                response.read()
                statuses[response.status] += 1
                break
            except (OSError, http.client.HTTPException) as error:
                connection.close()
                if attempt == 1:
                    statuses[type(error).__name__] += 1
        latencies.append(time.perf_counter() - started)
    connection.close()


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megapixels", type=int, default=190)
    parser.add_argument("--clients", type=int, default=20, help="worst-case clients at once")
    parser.add_argument("--seconds", type=int, default=60, help="how long the worst-case clients go on")
    parser.add_argument("--dropping", type=int, default=4, help="clients that hang up after a second")
    parser.add_argument("--tile-concurrency", type=int, default=4)
    parser.add_argument("--cache-mib", type=int, default=64, help="IIIF_CACHE_MAX_BYTES of the bench site")
    options = parser.parse_args()
    port = free_port()
    env = site_env(port)
    env.update(
        ARCHIVE_VAR_DIR=str(SITE),
        MEDIA_ROOT=str(SITE / "media"),
        IIIF_CACHE_MAX_BYTES=str(options.cache_mib * 1024**2),
        PORT=str(port),
    )
    source = sample_image(options.megapixels)
    prepare_site(source, env)
    header = pyvips.Image.new_from_file(str(source))
    width, height = header.width, header.height
    tiles = tile_paths(width, height)
    server = start_gunicorn(env, port)
    try:
        wait_for(port, PREFIX + "info.json")
        load_before = os.getloadavg()
        sampler = MemorySampler(server.pid)
        idle_rss = sampler.sample()
        sampler.start()
        results = run_load(port, tiles, options)
        time.sleep(2)
        settled_rss = sampler.sample()
        sampler.done.set()
        results.update(load_before=load_before, load_after=os.getloadavg(), idle_rss=idle_rss, settled=settled_rss)
        results.update(largest_rss=sampler.largest, peak_sum=sum(sampler.peaks.values()))
    finally:
        stop_server(server)
    log = (SITE / "gunicorn.log").read_text(errors="replace")
    results["dropped_abandoned"] = log.count("the client closed the connection")
    results["timed_out"] = log.count("seconds; ask for a smaller size")
    results["cache_bytes"] = folder_bytes(SITE / "media" / "iiif-cache")
    report(results, options, width, height)


def stop_server(server: subprocess.Popen) -> None:
    """A graceful stop, then a kill: a worker still holding a kept-alive connection must not hang the bench."""
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=10)


def run_load(port: int, tiles: list[str], options) -> dict:
    requests = WorstRequests(time.monotonic() + options.seconds)
    answers: list = []
    latencies: list[float] = []
    tile_statuses: Counter = Counter()
    stop = threading.Event()
    share = len(tiles) // options.tile_concurrency + 1
    started = time.perf_counter()
    with ThreadPoolExecutor(options.clients + options.dropping + options.tile_concurrency) as pool:
        viewers = [
            pool.submit(tile_viewer, port, tiles[n * share : (n + 1) * share], stop, latencies, tile_statuses)
            for n in range(options.tile_concurrency)
        ]
        clients = [pool.submit(worst_client, port, requests, answers) for _ in range(options.clients)]
        clients += [pool.submit(dropping_client, port, requests) for _ in range(options.dropping)]
        for client in clients:
            client.result()
        stop.set()
        for viewer in viewers:
            viewer.result()
    return {
        "answers": answers,
        "tiles": latencies,
        "tile_statuses": tile_statuses,
        "seconds": time.perf_counter() - started,
    }


def report(results: dict, options, width: int, height: int) -> None:
    answers, tiles = results["answers"], results["tiles"]
    statuses = Counter(status for status, _, _ in answers)
    slowest = max(answers, key=lambda answer: answer[1])
    cuts = statistics.quantiles(tiles, n=100) if len(tiles) > 1 else [0.0] * 99
    mib = 1024**2
    print(
        f"\nsample {width}x{height} ({width * height / 1e6:.0f} Mpx); gunicorn.conf.py on {os.cpu_count()} cores; "
        f"{options.clients} worst-case clients for {options.seconds} s, {options.dropping} hanging up, "
        f"{options.tile_concurrency} tile viewers; {results['seconds']:.0f} s under load"
    )
    print(
        "load average before " + " ".join(f"{value:.2f}" for value in results["load_before"]),
        "| after " + " ".join(f"{value:.2f}" for value in results["load_after"]),
    )
    print(
        f"server RSS (process tree): idle {results['idle_rss'] / mib:.0f} MiB, largest sampled "
        f"{results['largest_rss'] / mib:.0f} MiB, sum of per-process peaks {results['peak_sum'] / mib:.0f} MiB, "
        f"2 s after {results['settled'] / mib:.0f} MiB (target < {TARGET_RSS_BYTES / mib:.0f} MiB)"
    )
    print(f"worst-case answers: {dict(sorted(statuses.items(), key=str))}")
    print(f"slowest worst-case answer: {slowest[1]:.1f} s ({slowest[0]} for {slowest[2]}) (target < 30 s)")
    print(
        f"renders abandoned: {results['timed_out']} past the time budget, "
        f"{results['dropped_abandoned']} for a client that hung up"
    )
    print(
        f"tiles: {len(tiles)} fetched, {dict(results['tile_statuses'])}, p50 {cuts[49] * 1000:.0f} ms, "
        f"p99 {cuts[98] * 1000:.0f} ms, max {max(tiles, default=0) * 1000:.0f} ms (target p99 < 1000 ms)"
    )
    print(f"derivative cache on disk: {results['cache_bytes'] / mib:.0f} MiB (bound {options.cache_mib} MiB)")
    met = (
        max(results["largest_rss"], 0) < TARGET_RSS_BYTES
        and set(statuses) <= {200, 400, 503}
        and slowest[1] < TARGET_WORST_SECONDS
        and cuts[98] < TARGET_TILE_P99_SECONDS
    )
    print("targets met" if met else "targets NOT met")


if __name__ == "__main__":
    main()
