"""Tile files at ingest against `vips dzsave` of the same image (issue 18; not a test).

    .venv/bin/python bench/tile_build_bench.py [--megapixels 192] [--rounds 2]

Needs Debian's libvips-tools. On the sample of bench/iiif_bench.py (kept in var/bench/), in alternating order
each round:
- the archive: media.pyramid.build_pyramid (the tiled pyramid TIFF), then media.iiif.tile_files.write_tiles (every
  tile and size info.json announces, as files), in one process with Django loaded, as a task worker runs them;
- `vips dzsave --layout iiif3 --tile-size 256`: the tool's own IIIF 3 tile tree of the same image, JPEG at the
  archive's quality.
It prints wall and CPU seconds of each (CPU: every thread of the process; it stays readable when other load
stretches the wall clock) and the storage of the tile files against the pyramid (the bytes of the files, and
what they take on disk in blocks). Targets (issue 18): build <= 1.5x dzsave, tile files <= 1.5x the pyramid.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from iiif_bench import PYTHON, REPO, WORK, sample_image, site_env

# Production settings refuse a data folder inside the checkout.
SITE = Path(tempfile.gettempdir()) / "archive-tile-build-bench"
OURS = """
import json, resource, sys, time
from pathlib import Path
import django
django.setup()
from django.conf import settings
from media.pyramid import build_pyramid, open_pyramid
from media.iiif.tile_files import local_tiles_dir, write_tiles

def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime

source, target, checksum = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
wall, used = time.perf_counter(), cpu()
build_pyramid(source, target)
pyramid_wall, pyramid_cpu = time.perf_counter() - wall, cpu() - used
files = write_tiles(open_pyramid(target), checksum)
print(json.dumps({"pyramid_wall": pyramid_wall, "pyramid_cpu": pyramid_cpu, "files": files,
                  "wall": time.perf_counter() - wall, "cpu": cpu() - used,
                  "tiles": str(local_tiles_dir(checksum)), "quality": settings.IIIF_JPEG_QUALITY}))
"""


def tree_size(folder: Path) -> tuple[int, int, int]:
    """Files, bytes of the files, and bytes they occupy on disk (allocated blocks)."""
    files = size = disk = 0
    for path in folder.rglob("*"):
        if path.is_file():
            status = path.stat()
            files, size, disk = files + 1, size + status.st_size, disk + status.st_blocks * 512
    return files, size, disk


def run_ours(source: Path, env: dict, number: int) -> dict:
    shutil.rmtree(SITE, ignore_errors=True)
    target = SITE / "pyramid.tif"
    checksum = f"{number:02d}" + "0" * 62
    done = subprocess.run(
        [PYTHON, "-c", OURS, str(source), str(target), checksum],
        cwd=REPO,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    figures = json.loads(done.stdout.splitlines()[-1])
    figures["pyramid_bytes"] = target.stat().st_size
    figures["pyramid_disk"] = target.stat().st_blocks * 512
    _, figures["tile_bytes"], figures["tile_disk"] = tree_size(Path(figures["tiles"]))
    return figures


def run_dzsave(source: Path, quality: int) -> dict:
    folder = WORK / "dzsave"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    started = time.perf_counter()
    child = subprocess.Popen(
        [
            "vips",
            "dzsave",
            str(source),
            str(folder / "bench"),
            "--layout",
            "iiif3",
            "--tile-size",
            "256",
            "--overlap",
            "0",
            "--suffix",
            f".jpg[Q={quality},strip]",
        ]
    )
    _, status, usage = os.wait4(child.pid, 0)
    if status != 0:
        raise SystemExit("vips dzsave failed")
    files, size, disk = tree_size(folder)
    return {
        "wall": time.perf_counter() - started,
        "cpu": usage.ru_utime + usage.ru_stime,
        "files": files,
        "tile_bytes": size,
        "tile_disk": disk,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megapixels", type=int, default=192)
    parser.add_argument("--rounds", type=int, default=2)
    options = parser.parse_args()
    if not shutil.which("vips"):
        print("error: install libvips-tools (vips)", file=sys.stderr)
        return 1
    WORK.mkdir(parents=True, exist_ok=True)
    env = {**site_env(8799), "ARCHIVE_DATA_DIR": str(SITE / "data"), "MEDIA_ROOT": str(SITE / "media")}
    source = sample_image(options.megapixels)
    print(f"sample {source.name}, {os.cpu_count()} cores, load average at the start {os.getloadavg()[0]:.1f}")
    ours_runs, tool_runs, quality = [], [], None
    for number in range(options.rounds):
        order = ("ours", "tool") if number % 2 == 0 else ("tool", "ours")
        for name in order:
            if name == "ours":
                ours_runs.append(run_ours(source, env, number))
                quality = ours_runs[-1]["quality"]
            else:
                tool_runs.append(run_dzsave(source, quality or 85))
    for ours, tool in zip(ours_runs, tool_runs, strict=True):
        print(
            f"archive: pyramid {ours['pyramid_wall']:.1f} s wall / {ours['pyramid_cpu']:.1f} s CPU, with tile "
            f"files {ours['wall']:.1f} s / {ours['cpu']:.1f} s ({ours['files']} files)"
        )
        print(f"dzsave:  {tool['wall']:.1f} s wall / {tool['cpu']:.1f} s CPU ({tool['files']} files)")
        print(
            f"  build vs dzsave: wall {ours['wall'] / tool['wall']:.2f}x, CPU {ours['cpu'] / tool['cpu']:.2f}x "
            "(target <= 1.5x)"
        )
        print(
            f"  tile files {ours['tile_bytes'] / 2**20:.0f} MiB ({ours['tile_disk'] / 2**20:.0f} MiB on disk) "
            f"vs pyramid {ours['pyramid_bytes'] / 2**20:.0f} MiB: {ours['tile_bytes'] / ours['pyramid_bytes']:.2f}x "
            f"({ours['tile_disk'] / ours['pyramid_disk']:.2f}x on disk; target <= 1.5x); dzsave's tree "
            f"{tool['tile_bytes'] / 2**20:.0f} MiB ({tool['tile_disk'] / 2**20:.0f} MiB on disk)"
        )
    print(f"load average at the end {os.getloadavg()[0]:.1f}")
    shutil.rmtree(SITE, ignore_errors=True)
    shutil.rmtree(WORK / "dzsave", ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
