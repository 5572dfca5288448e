"""Benchmark of the IIIF image service beside the `vips` tool and IIPImage (not a test; run by hand).

    .venv/bin/python bench/iiif_bench.py [--megapixels 150] [--workers 4] [--threads 2] [--concurrency 8]

Needs the Debian packages libvips-tools, iipimage-server and lighttpd (it installs nothing). It
1. draws a sample image of at least 150 megapixels (cached under var/bench/),
2. builds its pyramid with media.pyramid and with `vips tiffsave`, timing both and their peak RSS,
3. ingests it into a throwaway site database and serves it with gunicorn (production settings),
4. serves the same pyramid file with IIPImage behind lighttpd FastCGI,
5. fetches every tile of every level at concurrency 8 from each server, a cold pass then a warm pass,
and prints tiles per second, p50/p99 latency and the ratios against the targets of issue 3.
"""

import argparse
import http.client
import math
import os
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / "var" / "bench"
PYTHON = sys.executable
IIPSRV = Path("/usr/lib/iipimage-server/iipsrv.fcgi")
TILE = 256


@dataclass
class PassResult:
    tiles: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int

    @property
    def per_second(self) -> float:
        return self.tiles / self.seconds


def run_measured(command: list[str], env: dict | None = None) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MiB) and standard output of a child process."""
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    if status != 0:
        raise SystemExit(f"failed: {' '.join(command)}")
    return time.perf_counter() - started, usage.ru_maxrss / 1024, output


def sample_image(megapixels: int) -> Path:
    width = int(math.sqrt(megapixels * 1e6 * 1.5))
    height = math.ceil(megapixels * 1e6 / width)
    path = WORK / f"sample-{width}x{height}.jpg"
    if not path.exists():
        print(f"drawing a {width}x{height} sample ({width * height / 1e6:.0f} Mpx) ...", flush=True)
        code = (
            "import pyvips,sys; w,h=int(sys.argv[1]),int(sys.argv[2]); xy=pyvips.Image.xyz(w,h);"
            "r=(xy[0]*255/w).cast('uchar'); g=(xy[1]*255/h).cast('uchar');"
            "n=pyvips.Image.gaussnoise(w,h,mean=128,sigma=30).cast('uchar');"
            "r.bandjoin([g,n]).copy(interpretation='srgb').jpegsave(sys.argv[3],Q=90)"
        )
        subprocess.run([PYTHON, "-c", code, str(width), str(height), str(path)], check=True)
    return path


def site_env(port: int) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="archive.settings.production",
        SECRET_KEY="bench-only-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        ARCHIVE_VAR_DIR=str(WORK / "site"),
        MEDIA_ROOT=str(WORK / "site" / "media"),
        PUBLIC_BASE_URL=f"http://127.0.0.1:{port}",
        LOG_LEVEL="WARNING",
    )
    return env


def build_pyramids(source: Path, env: dict) -> dict:
    ours = WORK / "ours.tif"
    tool = WORK / "vips.tif"
    for path in (ours, tool):
        path.unlink(missing_ok=True)
    # The build itself is timed inside the process too: a task worker has Django loaded already.
    code = (
        "import django,sys,time; from pathlib import Path; django.setup();"
        "from media.pyramid import build_pyramid; t=time.perf_counter();"
        "build_pyramid(Path(sys.argv[1]), Path(sys.argv[2])); print(time.perf_counter()-t)"
    )
    ours_process, ours_rss, output = run_measured([PYTHON, "-c", code, str(source), str(ours)], env)
    ours_time = float(output.strip().splitlines()[-1])
    tool_time, tool_rss, _ = run_measured(
        [
            "vips",
            "tiffsave",
            str(source),
            str(tool),
            "--tile",
            "--tile-width",
            "256",
            "--tile-height",
            "256",
            "--pyramid",
            "--compression",
            "jpeg",
            "--Q",
            "85",
        ]
    )
    return {"ours": (ours_time, ours_rss), "ours_process": ours_process, "vips": (tool_time, tool_rss), "pyramid": ours}


def ingest(source: Path, pyramid: Path, env: dict) -> None:
    """Load the sample into the bench site, reusing the pyramid just built instead of building it again."""
    subprocess.run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], cwd=REPO, env=env, check=True)
    code = (
        "import django,sys,shutil; from pathlib import Path; django.setup();"
        "from media.verification import sha256_of; from media.storage import pyramid_path;"
        "t=pyramid_path(sha256_of(Path(sys.argv[1]))); t.parent.mkdir(parents=True, exist_ok=True);"
        "shutil.copyfile(sys.argv[2], t)"
    )
    subprocess.run([PYTHON, "-c", code, str(source), str(pyramid)], cwd=REPO, env=env, check=True)
    subprocess.run(
        [PYTHON, "manage.py", "ingest_image", str(source), "--identifier", "bench", "--public"],
        cwd=REPO,
        env=env,
        check=True,
    )


def tile_paths(width: int, height: int) -> list[str]:
    """Every tile of every level, as a IIIF viewer asks for them."""
    paths, scale = [], 1
    while True:
        step = TILE * scale
        for y in range(0, height, step):
            for x in range(0, width, step):
                w, h = min(step, width - x), min(step, height - y)
                paths.append(f"{x},{y},{w},{h}/{math.ceil(w / scale)},/0/default.jpg")
        if width / scale <= TILE and height / scale <= TILE:
            return paths
        scale *= 2


def fetch_all(port: int, prefix: str, paths: list[str], concurrency: int) -> PassResult:
    local = threading.local()
    latencies: list[float] = []
    errors = [0]

    def fetch(path: str) -> None:
        started = time.perf_counter()
        # Like browsers, retry once on a fresh connection when a kept-alive one was closed by the server.
        for attempt in range(2):
            connection = getattr(local, "connection", None) or http.client.HTTPConnection("127.0.0.1", port)
            local.connection = connection
            reused = connection.sock is not None
            try:
                connection.request("GET", prefix + path)
                response = connection.getresponse()
                response.read()
            except (OSError, http.client.HTTPException):
                connection.close()
                if reused and attempt == 0:
                    continue
                errors[0] += 1
                break
            if response.status != 200:
                errors[0] += 1
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
            break
        latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(fetch, paths))
    seconds = time.perf_counter() - started
    cuts = statistics.quantiles(latencies, n=100)
    return PassResult(len(paths), seconds, cuts[49] * 1000, cuts[98] * 1000, errors[0])


def wait_for(port: int, path: str) -> None:
    for _ in range(100):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", path)
            if connection.getresponse().status < 500:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"server on port {port} did not start")


def start_gunicorn(env: dict, port: int, workers: int, threads: int) -> subprocess.Popen:
    # More than one thread selects gunicorn's gthread worker, which also keeps connections alive.
    return subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "archive.wsgi",
            "-w",
            str(workers),
            "--threads",
            str(threads),
            # gunicorn.conf.py (read from the working folder) recycles workers every ~2000 requests,
            # a few seconds of tiles: each recycling reloads Django and empties the worker's caches.
            "--max-requests",
            "0",
            "-b",
            f"127.0.0.1:{port}",
            "--access-logfile",
            "/dev/null",
            "--error-logfile",
            str(WORK / "gunicorn.log"),
        ],
        cwd=REPO,
        env=env,
        start_new_session=True,
    )


def start_iipimage(port: int, workers: int) -> subprocess.Popen:
    config = WORK / "lighttpd.conf"
    config.write_text(f"""
server.modules = ("mod_fastcgi")
server.document-root = "{WORK}"
server.port = {port}
server.bind = "127.0.0.1"
server.errorlog = "{WORK}/lighttpd.log"
fastcgi.server = ( "/fcgi-bin/iipsrv.fcgi" => ((
    "socket" => "{WORK}/iipsrv.socket",
    "check-local" => "disable",
    "min-procs" => {workers}, "max-procs" => {workers},
    "bin-path" => "{IIPSRV}",
    "bin-environment" => ( "LOGFILE" => "{WORK}/iipsrv.log", "VERBOSITY" => "0",
        "MAX_IMAGE_CACHE_SIZE" => "256", "JPEG_QUALITY" => "85", "MAX_CVT" => "5000",
        "FILESYSTEM_PREFIX" => "{WORK}/" )
)))
""")
    return subprocess.Popen(["lighttpd", "-D", "-f", str(config)], start_new_session=True)


def stop(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megapixels", type=int, default=150)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers and iipsrv processes")
    parser.add_argument("--threads", type=int, default=2, help="threads per gunicorn worker (>1: gthread worker)")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--ours-port", type=int, default=8781)
    parser.add_argument("--iip-port", type=int, default=8782)
    options = parser.parse_args()
    for tool in ("vips", "lighttpd"):
        if not shutil.which(tool) or not IIPSRV.exists():
            raise SystemExit("install libvips-tools, iipimage-server and lighttpd first")
    shutil.rmtree(WORK / "site", ignore_errors=True)
    WORK.mkdir(parents=True, exist_ok=True)
    env = site_env(options.ours_port)
    source = sample_image(options.megapixels)
    built = build_pyramids(source, env)
    ingest(source, built["pyramid"], env)
    header = subprocess.run(["vipsheader", str(source)], capture_output=True, text=True).stdout
    width, height = (int(n) for n in header.split(":")[1].split()[0].split("x"))
    paths = tile_paths(width, height)
    results = {}
    servers = {
        "ours": (
            lambda: start_gunicorn(env, options.ours_port, options.workers, options.threads),
            options.ours_port,
            "/iiif/3/bench/",
        ),
        "iipimage": (
            lambda: start_iipimage(options.iip_port, options.workers),
            options.iip_port,
            "/fcgi-bin/iipsrv.fcgi?IIIF=ours.tif/",
        ),
    }
    for name, (start, port, prefix) in servers.items():
        process = start()
        try:
            wait_for(port, prefix + "info.json")
            results[name] = [fetch_all(port, prefix, paths, options.concurrency) for _ in ("cold", "warm")]
        finally:
            stop(process)
    report(built, results, width, height, len(paths), options)


def report(built: dict, results: dict, width: int, height: int, tiles: int, options) -> None:
    (ours_time, ours_rss), (tool_time, tool_rss) = built["ours"], built["vips"]
    print(
        f"\nsample {width}x{height} ({width * height / 1e6:.0f} Mpx), {tiles} tiles, "
        f"concurrency {options.concurrency}, {options.workers} workers x {options.threads} threads, "
        f"{os.cpu_count()} cores"
    )
    print(
        f"pyramid build: ours {ours_time:.1f} s ({built['ours_process']:.1f} s with Python and Django start-up) / "
        f"{ours_rss:.0f} MiB peak RSS, vips tool {tool_time:.1f} s / {tool_rss:.0f} MiB -> "
        f"{ours_time / tool_time:.2f}x (target <= 1.3x)"
    )
    print(f"{'':10} {'pass':5} {'tiles/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for name, passes in results.items():
        for label, result in zip(("cold", "warm"), passes, strict=True):
            print(
                f"{name:10} {label:5} {result.per_second:9.0f} {result.p50_ms:8.1f} {result.p99_ms:8.1f} "
                f"{result.errors:7d}"
            )
    for index, (label, target) in enumerate((("cold", 1.0), ("warm", 2.0))):
        ratio = results["ours"][index].per_second / results["iipimage"][index].per_second
        print(f"{label} tiles/s ratio ours/IIPImage: {ratio:.2f}x (target >= {target}x)")
    client_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"(peak RSS of the benchmark client: {client_rss:.0f} MiB)")


if __name__ == "__main__":
    main()
