"""Tiles side by side in one run: IIPImage 1.1, iipsrv 1.3 with passthrough, the archive, nginx (not a test).

    bench/build_iipsrv.sh SOURCE_DIR          # once: iipsrv 1.3 into var/bench/iipsrv-build/
    .venv/bin/python bench/tile_bench.py [--megapixels 192] [--rounds 2] [--workers 4] [--concurrency 8]

Needs Debian's libvips-tools, iipimage-server (IIPImage 1.1), lighttpd and nginx; it installs nothing and
skips a server whose program is missing, saying so. It draws a sample JPEG (cached in var/bench/), ingests
it into a throwaway site with `ingest_image --public` (pyramid and, where media/iiif/tile_files.py builds them,
the canonical tile files), then serves, one server at a time and in alternating order each round:
- IIPImage 1.1 (Debian) behind lighttpd FastCGI, the archive's pyramid file (it decodes and re-encodes),
- iipsrv 1.3 built from source behind lighttpd, CODEC_PASSTHROUGH=1, the same pyramid file,
- the archive under gunicorn with gunicorn.conf.py (production settings),
- the archive as `make serve` runs it: nginx in front with deploy/nginx's configuration (public tile files
  from the disk, everything else to gunicorn),
- nginx serving the archive's public tile files directly (when the site has them).
The load comes from h2load (Debian's nghttp2-client; bench/native_client.py) where it is installed, else from
a Python client whose own ceiling (about 5,000 requests/s here) hides the difference between fast servers.
Each gets every canonical tile of every level (IIIF 3 `x,y,w,h/sw,sh/0/default.jpg`, as OpenSeadragon asks;
iipsrv `x,y,w,h/sw,/...`, the form it passes stored tiles through for)
cold (a fresh server) then warm, then a viewer-like zoom (the tiles a 1600x900 viewport shows, level by level
from the whole image down to full resolution, around a few points); it prints tiles/s and the ratios
against issue 18's targets. Every server it starts is stopped before it exits.
"""

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import iiif_bench
import native_client
from iiif_bench import PYTHON, REPO, TILE, WORK, sample_image, site_env, stop, wait_for

sys.path.insert(0, str(REPO / "scripts"))
import serve_front  # noqa: E402  (scripts/serve_front.py: the front `make serve` renders)

IIPIMAGE_11 = Path("/usr/lib/iipimage-server/iipsrv.fcgi")
IIPSRV_13 = WORK / "iipsrv-build" / "iipsrv.fcgi"
PHASES = ("cold", "warm", "zoom")
# Production settings refuse a data folder inside the checkout.
SITE = Path(tempfile.gettempdir()) / "archive-tile-bench"
VIEWPORT = (1600, 900)
# iipsrv takes a request for one stored tile as such (and passes its bytes through) only with the size
# given as `w,` (its maintain-aspect form); `w,h` goes through its region path and is re-encoded.
SETTLE_SECONDS = 4
WIDTH_ONLY = re.compile(r"/(\d+),\d+/0/")


def tile_paths(width: int, height: int) -> list[list[str]]:
    """Every canonical tile of every level, per level from full resolution up (as media/iiif/tile_files names)."""
    levels, scale = [], 1
    while True:
        step, level = TILE * scale, []
        for y in range(0, height, step):
            for x in range(0, width, step):
                w, h = min(step, width - x), min(step, height - y)
                region = "full" if (w, h) == (width, height) else f"{x},{y},{w},{h}"
                level.append(f"{region}/{-(-w // scale)},{-(-h // scale)}/0/default.jpg")
        levels.append(level)
        if width / scale <= TILE and height / scale <= TILE:
            return levels
        scale *= 2


def zoom_paths(levels: list[list[str]], width: int, height: int, points: int = 6) -> list[str]:
    """What a viewer fetches zooming in on `points` places: at each level, the tiles the viewport shows."""
    chooser, paths = random.Random(18), []
    for _ in range(points):
        cx, cy = chooser.uniform(0.2, 0.8) * width, chooser.uniform(0.2, 0.8) * height
        for index in range(len(levels) - 1, -1, -1):
            half_w, half_h = VIEWPORT[0] * 2**index / 2, VIEWPORT[1] * 2**index / 2
            for path in levels[index]:
                region = path.split("/")[0]
                x, y, w, h = (0, 0, width, height) if region == "full" else (int(n) for n in region.split(","))
                if x < cx + half_w and x + w > cx - half_w and y < cy + half_h and y + h > cy - half_h:
                    paths.append(path)
    return paths


def ingest(source: Path, env: dict) -> dict:
    """The sample in the bench site; returns its pyramid file and its public tile folder."""
    subprocess.run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], cwd=REPO, env=env, check=True)
    subprocess.run(
        [PYTHON, "manage.py", "ingest_image", str(source), "--identifier", "bench", "--public"],
        cwd=REPO,
        env=env,
        check=True,
    )
    code = (
        "import django; django.setup(); from media.models import DigitizedImage as D;"
        "from media.storage import pyramid_path; from django.conf import settings;"
        "i=D.objects.get(iiif_identifier='bench'); print(pyramid_path(i.checksum)); print(settings.MEDIA_ROOT)"
    )
    pyramid, media_root = subprocess.run(
        [PYTHON, "-c", code], cwd=REPO, env=env, check=True, capture_output=True, text=True
    ).stdout.split()
    return {"pyramid": Path(pyramid), "public_tiles": Path(media_root) / "iiif-public"}


def start_lighttpd(name: str, binary: Path, port: int, workers: int, folder: Path, extra: dict):
    environment = {
        "LOGFILE": str(WORK / f"{name}.log"),
        "VERBOSITY": "0",
        "MAX_IMAGE_CACHE_SIZE": "256",
        "JPEG_QUALITY": "85",
        "MAX_CVT": "5000",
        "FILESYSTEM_PREFIX": f"{folder}/",
        **extra,
    }
    pairs = ", ".join(f'"{key}" => "{value}"' for key, value in environment.items())
    config = WORK / f"{name}-lighttpd.conf"
    config.write_text(f"""
server.modules = ("mod_fastcgi")
server.document-root = "{WORK}"
server.port = {port}
server.bind = "127.0.0.1"
server.errorlog = "{WORK}/{name}-lighttpd.log"
fastcgi.server = ( "/fcgi-bin/iipsrv.fcgi" => ((
    "socket" => "{WORK}/{name}.socket", "check-local" => "disable",
    "min-procs" => {workers}, "max-procs" => {workers}, "bin-path" => "{binary}",
    "bin-environment" => ( {pairs} )
)))
""")
    return subprocess.Popen(["lighttpd", "-D", "-f", str(config)], start_new_session=True)


def start_nginx(port: int, public_tiles: Path, workers: int):
    folder = WORK / "nginx"
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "nginx.conf"
    config.write_text(f"""
daemon off;
user root;
worker_processes {workers};
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    types {{ image/jpeg jpg; }}
    server {{
        listen 127.0.0.1:{port};
        location /iiif/ {{ alias {public_tiles}/; }}
    }}
}}
""")
    return subprocess.Popen(["nginx", "-c", str(config), "-e", str(folder / "error.log")], start_new_session=True)


def start_gunicorn(env: dict, port: int, workers: int, threads: int):
    environment = {**env, "BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": str(workers), "WEB_THREADS": str(threads)}
    return subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py", "archive.wsgi"],
        cwd=REPO,
        env=environment,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=open(WORK / "gunicorn.log", "a"),
    )


def start_front(env: dict, port: int, app_port: int, workers: int, threads: int, public_tiles: Path):
    """gunicorn behind nginx with deploy/nginx's configuration, as `make serve` starts them."""
    application = start_gunicorn(env, app_port, workers, threads)
    config = serve_front.render_front(WORK / "front", port, app_port, str(public_tiles), str(WORK / "front-static"))
    front = subprocess.Popen(["nginx", *serve_front.nginx_arguments(config)], start_new_session=True)
    return Both(application, front)


class Both:
    """Two servers stopped as one."""

    def __init__(self, *processes):
        self.processes = processes

    @property
    def pid(self):
        return self.processes[0].pid


def stop_server(process) -> None:
    for one in getattr(process, "processes", (process,)):
        stop(one)


def servers(options, site: dict, env: dict) -> dict:
    """name -> (start, port, URL prefix of the image), for the servers this machine has."""
    pyramid, found = site["pyramid"], {}
    iip_prefix = f"/fcgi-bin/iipsrv.fcgi?IIIF={pyramid.name}/"
    if IIPIMAGE_11.exists() and shutil.which("lighttpd"):
        found["IIPImage 1.1"] = (
            lambda: start_lighttpd("iip11", IIPIMAGE_11, 8791, options.workers, pyramid.parent, {}),
            8791,
            iip_prefix,
        )
    else:
        print("IIPImage 1.1 skipped: install iipimage-server and lighttpd")
    if IIPSRV_13.exists() and shutil.which("lighttpd"):
        found["iipsrv 1.3"] = (
            lambda: start_lighttpd(
                "iip13", IIPSRV_13, 8792, options.workers, pyramid.parent, {"CODEC_PASSTHROUGH": "1"}
            ),
            8792,
            iip_prefix,
        )
    else:
        print(f"iipsrv 1.3 skipped: build it with bench/build_iipsrv.sh SOURCE_DIR ({IIPSRV_13} is missing)")
    found["archive (gunicorn)"] = (
        lambda: start_gunicorn(env, 8793, options.workers, options.threads),
        8793,
        "/iiif/3/bench/",
    )
    if shutil.which("nginx") and (site["public_tiles"] / "3" / "bench").is_dir():
        found["archive (make serve)"] = (
            lambda: start_front(env, 8795, 8796, options.workers, options.threads, site["public_tiles"]),
            8795,
            "/iiif/3/bench/",
        )
        found["nginx, tile files"] = (
            lambda: start_nginx(8794, site["public_tiles"], os.cpu_count() or 1),
            8794,
            "/iiif/3/bench/",
        )
    else:
        print("nginx skipped: no nginx, or the site wrote no public tile files (media/iiif/tile_files.py)")
    return found


def run_round(
    found: dict, order: list[str], paths: list[str], zoom: list[str], concurrency: int, fetch_all, repeat: int
) -> dict:
    results = {}
    for name in order:
        start, port, prefix = found[name]
        passes = (paths, paths * repeat, zoom * repeat)
        if "iip" in name.lower():
            passes = tuple([WIDTH_ONLY.sub(r"/\1,/0/", path) for path in tiles] for tiles in passes)
        process = start()
        try:
            wait_for(port, prefix + "info.json" if "nginx" not in name else prefix + paths[-1])
            # The first answer comes from one worker; the others may still be loading Django on these cores.
            time.sleep(SETTLE_SECONDS)
            results[name] = [fetch_all(port, prefix, tiles, concurrency) for tiles in passes]
        finally:
            stop_server(process)
    return results


def report(rounds: list[dict], tiles: int, zoom: int, width: int, height: int, options) -> None:
    print(
        f"\nsample {width}x{height} ({width * height / 1e6:.0f} Mpx), {tiles} tiles a pass, {zoom} in the zoom, "
        f"concurrency {options.concurrency}, {options.workers} workers x {options.threads} threads, "
        f"{options.client} client, warm and zoom x{options.repeat}, {os.cpu_count()} cores, "
        f"load average at the end {os.getloadavg()[0]:.1f}"
    )
    print(
        f"{'server':20} {'round':>5} "
        + " ".join(f"{phase + ' t/s':>10} {'p99 ms':>7}" for phase in PHASES)
        + f" {'errors':>6}"
    )
    for number, results in enumerate(rounds, 1):
        for name, passes in results.items():
            cells = " ".join(f"{p.per_second:10.0f} {p.p99_ms:7.1f}" for p in passes)
            print(f"{name:20} {number:5} {cells} {sum(p.errors for p in passes):6}")
    ratios = (
        ("archive (make serve)", "iipsrv 1.3", 1.5),
        ("archive (make serve)", "nginx, tile files", 0.9),
        ("archive (gunicorn)", "iipsrv 1.3", None),
        ("archive (gunicorn)", "IIPImage 1.1", None),
        ("nginx, tile files", "iipsrv 1.3", None),
    )
    for ours, theirs, target in ratios:
        if ours not in rounds[0] or theirs not in rounds[0]:
            continue
        for phase_index, phase in enumerate(PHASES):
            values = [r[ours][phase_index].per_second / r[theirs][phase_index].per_second for r in rounds]
            spread = f"{min(values):.2f}-{max(values):.2f}x" if len(values) > 1 else f"{values[0]:.2f}x"
            # Rounds differ by +-15 % here (client and servers share two cores); totals over all rounds.
            total = sum(r[ours][phase_index].tiles for r in rounds) / sum(r[ours][phase_index].seconds for r in rounds)
            theirs_total = sum(r[theirs][phase_index].tiles for r in rounds) / sum(
                r[theirs][phase_index].seconds for r in rounds
            )
            spread += f", all rounds {total / theirs_total:.2f}x"
            wanted = f" (issue 18 target for canonical tiles >= {target}x)" if target else ""
            print(f"{ours} / {theirs}, {phase}: {spread}{wanted}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megapixels", type=int, default=192)
    parser.add_argument("--rounds", type=int, default=2, help="each server once a round, order alternating")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers and iipsrv processes")
    parser.add_argument("--threads", type=int, default=2, help="threads per gunicorn worker")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument(
        "--client",
        choices=("h2load", "python"),
        default="h2load" if native_client.available() else "python",
        help="load generator (h2load: Debian's nghttp2-client)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=None,
        help="warm and zoom passes walk their list this many times (default 10 with h2load, "
        "where one walk of the fastest servers lasts a tenth of a second, else 1)",
    )
    options = parser.parse_args()
    options.repeat = options.repeat or (10 if options.client == "h2load" else 1)
    if not shutil.which("vipsheader"):
        print("error: install libvips-tools (vipsheader)", file=sys.stderr)
        return 1
    shutil.rmtree(SITE, ignore_errors=True)
    WORK.mkdir(parents=True, exist_ok=True)
    env = {**site_env(8793), "ARCHIVE_DATA_DIR": str(SITE), "MEDIA_ROOT": str(SITE / "media")}
    source = sample_image(options.megapixels)
    site = ingest(source, env)
    header = subprocess.run(["vipsheader", str(source)], capture_output=True, text=True, check=True).stdout
    width, height = (int(n) for n in header.split(":")[1].split()[0].split("x"))
    levels = tile_paths(width, height)
    paths = [path for level in levels for path in level]
    zoom = zoom_paths(levels, width, height)
    found = servers(options, site, env)
    names, rounds = list(found), []
    for number in range(options.rounds):
        order = names if number % 2 == 0 else names[::-1]
        fetch_all = native_client.fetch_all if options.client == "h2load" else iiif_bench.fetch_all
        rounds.append(run_round(found, order, paths, zoom, options.concurrency, fetch_all, options.repeat))
        rounds[-1] = {name: rounds[-1][name] for name in names}
    report(rounds, len(paths), len(zoom), width, height, options)
    return 0


if __name__ == "__main__":
    sys.exit(main())
