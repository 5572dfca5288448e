"""scripts/screenshots.py, the README's screenshots: its help, its refusal without a site, and its size rule."""

import socket
import subprocess
import sys
from pathlib import Path

import pyvips

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "screenshots.py"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_help_names_the_shots_and_the_size_limit():
    result = run("--help")
    assert result.returncode == 0
    assert "make run" in result.stdout and "--max-kb" in result.stdout and "item-phone" in result.stdout


def test_without_a_running_site_it_says_so_and_fails(tmp_path):
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    result = run("--base-url", f"http://127.0.0.1:{port}", "--out", str(tmp_path))
    assert result.returncode == 1
    assert "does not answer" in result.stderr and "make run" in result.stderr
    assert not list(tmp_path.iterdir())


def test_a_shot_is_saved_as_webp_within_the_limit():
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        from screenshots import small_webp
    finally:
        sys.path.remove(str(SCRIPT.parent))
    noise = pyvips.Image.gaussnoise(1366, 900).cast("uchar").bandjoin([128, 128])  # a worst case for any codec
    data = small_webp(noise.pngsave_buffer(), 150 * 1024)
    assert data == b"" or (data[:4] == b"RIFF" and data[8:12] == b"WEBP" and len(data) <= 150 * 1024)
    page = pyvips.Image.black(1366, 900, bands=3).draw_rect([200, 120, 90], 100, 100, 600, 400, fill=True)
    data = small_webp(page.pngsave_buffer(), 150 * 1024)
    assert data[8:12] == b"WEBP" and 0 < len(data) <= 150 * 1024
