"""Peak memory of `manage.py ingest_image` on a large JPEG, measured on the real command in a child process.

The child uses the test database (copied to a file on SQLite, shared on PostgreSQL) and its own data folder.
Before originals were streamed, libvips mapped the whole JPEG into memory for the verification and again
for the pyramid, and the mapped pages counted in the resident size: an 80-megapixel JPEG peaked at ~285 MB.
"""

import os
import subprocess
import sys
from pathlib import Path

import pyvips

REPO_ROOT = Path(__file__).resolve().parents[2]
# A noisy picture, so the JPEG is as large as a real scan of this size (~45 MB).
WIDTH, HEIGHT = 11_000, 7_300
# The command's peak resident size on the large JPEG may exceed its peak on a tiny one by this much: on
# SQLite ~40 MB measured, ~130 MB when the file was mapped (on PostgreSQL the tiny run's peak is higher).
MAX_GROWTH_MB = 75


def write_jpeg(path: Path, width: int, height: int) -> Path:
    xy = pyvips.Image.xyz(width, height)
    red = (xy[0] * 255 / width).cast("uchar")
    green = (xy[1] * 255 / height).cast("uchar")
    noise = pyvips.Image.gaussnoise(width, height, mean=128, sigma=30).cast("uchar")
    red.bandjoin([green, noise]).copy(interpretation="srgb").jpegsave(str(path), Q=90)
    return path


def migrated_database(folder: Path, env: dict) -> None:
    """A database of its own for the child processes, made by the migrations: a copy of the test database
    would carry whatever an earlier test left (a flushed one has no root collection to put images in)."""
    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput"], cwd=REPO_ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def peak_rss_mb(arguments: list[str], env: dict) -> float:
    child = subprocess.Popen(
        [sys.executable, "manage.py", *arguments],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, output
    return usage.ru_maxrss / 1024


def test_ingesting_a_large_jpeg_stays_within_its_memory_bound(tmp_path):
    tiny = write_jpeg(tmp_path / "tiny.jpg", 64, 48)
    source = write_jpeg(tmp_path / "large.jpg", WIDTH, HEIGHT)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "archive.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'archive.sqlite3'}",
        "ARCHIVE_DATA_DIR": str(tmp_path / "data"),
        "MEDIA_ROOT": str(tmp_path / "data" / "media"),
        "TASKS_BACKEND": "immediate",
        "IIIF_PYRAMID_ROOT": "",
        "IIIF_CACHE_ROOT": "",
    }
    migrated_database(tmp_path, env)
    baseline = peak_rss_mb(["ingest_image", str(tiny), "--identifier", "memory-baseline"], env)
    peak = peak_rss_mb(["ingest_image", str(source), "--identifier", "memory-probe", "--public"], env)
    print(f"ingest of {WIDTH * HEIGHT / 1e6:.0f} MP: peak {peak:.0f} MB, a tiny JPEG {baseline:.0f} MB")
    assert peak - baseline <= MAX_GROWTH_MB, f"peak {peak:.0f} MB, {peak - baseline:.0f} MB above a tiny JPEG"
    assert any((tmp_path / "data").rglob("*.tif")), "the pyramid was not built"
