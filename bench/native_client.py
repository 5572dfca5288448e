"""A load generator in C for the tile bench: h2load (Debian's nghttp2-client) over HTTP/1.1 (not a test).

The bench's Python client tops out near 5,000 requests/s on two cores, which is about what nginx and
iipsrv 1.3 reach here, so with it the fastest servers all look alike. h2load costs far less per request.
Each of `concurrency` h2load processes gets its own share of the paths on one kept-alive connection, so
every path is asked for exactly once per pass (h2load alone would have every client walk the whole list).
Like a browser (and the Python client), what a closed connection left unanswered is asked for once more.
"""

import shutil
import statistics
import subprocess
import tempfile
import time
from collections import Counter
from pathlib import Path

from iiif_bench import PassResult


def available() -> bool:
    return shutil.which("h2load") is not None


def fetch_all(port: int, prefix: str, paths: list[str], concurrency: int) -> PassResult:
    """Every path once, `concurrency` connections side by side; tiles/s over the whole pass, p50/p99 latency."""
    started, rows, pending = time.perf_counter(), [], paths
    for _attempt in range(2):
        answered, pending = walk(port, prefix, pending, concurrency)
        rows += answered
    seconds = time.perf_counter() - started
    latencies = [microseconds / 1000 for _, microseconds in rows]
    statuses = Counter(status for status, _ in rows if status != "200")
    statuses.update({"no answer": len(pending)} if pending else {})
    errors = sum(statuses.values())
    if errors:
        print(f"  port {port}: {errors} of {len(paths)} not 200: {dict(statuses)}", flush=True)
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    return PassResult(len(paths), seconds, cuts[49], cuts[98], errors)


def walk(port: int, prefix: str, paths: list[str], concurrency: int) -> tuple[list[tuple[str, int]], list[str]]:
    """One h2load per share of the paths, side by side: (status, microseconds) of each answer, and the paths
    left unanswered (a connection the server closed ends that h2load's walk)."""
    shares = [share for share in (paths[index::concurrency] for index in range(concurrency)) if share]
    answered, unanswered = [], []
    with tempfile.TemporaryDirectory(prefix="tile-bench-") as folder:
        runs = []
        for number, share in enumerate(shares):
            urls, log = Path(folder) / f"urls-{number}", Path(folder) / f"log-{number}"
            urls.write_text("".join(f"http://127.0.0.1:{port}{prefix}{path}\n" for path in share))
            command = [
                "h2load",
                "--h1",
                "-c",
                "1",
                "-t",
                "1",
                "-n",
                str(len(share)),
                "-i",
                str(urls),
                f"--log-file={log}",
            ]
            runs.append((subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL), log, share))
        for process, log, share in runs:
            process.wait()
            # One connection, one request at a time: the log's rows follow the share's order.
            rows = [line.split("\t") for line in log.read_text().splitlines() if line] if log.exists() else []
            for path, row in zip(share, rows, strict=False):
                if row[1] == "-1":
                    unanswered.append(path)
                else:
                    answered.append((row[1], int(row[2])))
            unanswered += share[len(rows) :]
    return answered, unanswered
