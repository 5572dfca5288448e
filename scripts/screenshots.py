"""Regenerate the README's screenshots from a running sample site.

    make run                                    # in one terminal: the sample collections on :8000
    .venv/bin/python scripts/screenshots.py     # in another: writes docs/screenshots/*.webp

Each shot is a page of the site in a real browser (Playwright driving Debian's Chromium, as the browser tests
do) at 1366x900, or 390x844 for the phone shot, saved as WebP under --max-kb (quality lowered until it fits).
The pages are the English ones of the sample data; change SHOTS to show others. Exits 1 naming any page
that did not answer 200 or a shot that could not be made small enough.
"""

import argparse
import json
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.error import URLError
from urllib.parse import quote
from urllib.request import urlopen

import pyvips

REPO_ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
DESKTOP, PHONE = (1366, 900), (390, 844)
DEEP_ZOOM = ".openseadragon-canvas canvas"
QUALITIES = (80, 70, 60, 50, 40)


@dataclass(frozen=True)
class Shot:
    name: str
    path: str
    viewport: tuple[int, int]
    ready: str = ""  # a CSS selector to wait for (deep zoom canvases, Mirador windows), "" for none
    framed: bool = False  # shown as a school's page would show it: the oEmbed answer's iframe in a page


SHOTS = (
    Shot("home", "/en/", DESKTOP),
    Shot("search", "/en/search/?q=ship", DESKTOP),
    Shot("item", "/en/item/KVB-VIT-001/", DESKTOP, DEEP_ZOOM),
    Shot("compare", "/en/compare/?items=KVB-VIT-001,KVB-VIT-005", DESKTOP, f"#compare-workspace {DEEP_ZOOM}"),
    Shot("embed", "/en/item/KVB-VIT-007/", DESKTOP, DEEP_ZOOM, framed=True),
    Shot("item-phone", "/en/item/KVB-VIT-004/", PHONE, DEEP_ZOOM),
)


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__
    )
    parser.add_argument("--base-url", default="http://127.0.0.1:8000", help="the running site (default: %(default)s)")
    parser.add_argument(
        "--out",
        type=Path,
        default=REPO_ROOT / "docs" / "screenshots",
        help="folder for the .webp files (default: docs/screenshots)",
    )
    parser.add_argument("--only", nargs="+", choices=[shot.name for shot in SHOTS], help="make only these shots")
    parser.add_argument("--max-kb", type=int, default=150, help="largest file allowed (default: %(default)s KB)")
    parser.add_argument("--chromium", type=Path, default=CHROMIUM, help="the browser (default: %(default)s)")
    return parser.parse_args(argv)


def small_webp(png: bytes, max_bytes: int) -> bytes:
    """The screenshot as WebP at the highest quality that fits, or b"" when none does."""
    image = pyvips.Image.new_from_buffer(png, "")
    for quality in QUALITIES:
        data = image.webpsave_buffer(Q=quality, smart_subsample=True, strip=True)
        if len(data) <= max_bytes:
            return data
    return b""


HOST_PAGE = """<!doctype html><html lang="en"><meta charset="utf-8"><title>A school's page</title>
<body style="font: 18px/1.5 Georgia, serif; max-width: 46rem; margin: 2rem auto; color: #222">
<h1>Lighthouses of the Lithuanian coast</h1>
<p>A class page of a school: the archive's embed, pasted from its oEmbed answer, shows the item in deep
zoom with its title, credit line and a link back to the archive.</p>
{iframe}
<p>Zoom in to see the glass.</p></body></html>"""


def oembed_iframe(base_url: str, path: str) -> str:
    with urlopen(f"{base_url}/oembed?url={quote(base_url + path, safe='')}", timeout=30) as answer:
        return json.load(answer)["html"]


def take(browser, base_url: str, shot: Shot) -> bytes:
    """A PNG of the page once it has loaded, its viewer has drawn and the network is quiet."""
    width, height = shot.viewport
    context = browser.new_context(viewport={"width": width, "height": height}, locale="en-GB")
    page = context.new_page()
    try:
        if shot.framed:
            with host_page(HOST_PAGE.format(iframe=oembed_iframe(base_url, shot.path))) as url:
                page.goto(url, wait_until="load", timeout=60_000)
                return ready_screenshot(page, shot)
        response = page.goto(base_url + shot.path, wait_until="load", timeout=60_000)
        if response is None or response.status != 200:
            raise RuntimeError(f"{shot.path} answered {response.status if response else 'nothing'}")
        return ready_screenshot(page, shot)
    finally:
        context.close()


def ready_screenshot(page, shot: Shot) -> bytes:
    if shot.ready:
        frame = page.frame_locator("iframe") if shot.framed else page
        frame.locator(shot.ready).first.wait_for(state="attached", timeout=30_000)
    page.wait_for_load_state("networkidle", timeout=60_000)
    page.wait_for_timeout(1500)  # viewers fade tiles in
    return page.screenshot(type="png")


@contextmanager
def host_page(html: str):
    """Another site's page on a loopback port of its own: the embed is framed by a real http origin (its
    frame-ancestors admit those), and a local one, so the browser lets it reach the local site."""
    body = html.encode()

    class Page(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://localhost:{server.server_address[1]}/"
    finally:
        server.shutdown()


def main(argv: list[str] | None = None) -> int:
    options = arguments(argv)
    base_url = options.base_url.rstrip("/")
    if not options.chromium.exists():
        print(f"no browser at {options.chromium}: apt-get install chromium, or pass --chromium", file=sys.stderr)
        return 1
    try:
        urlopen(base_url + "/healthz/live", timeout=10).close()
    except (URLError, OSError) as error:
        print(f"the site at {base_url} does not answer ({error}): start it with make run", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    options.out.mkdir(parents=True, exist_ok=True)
    failed = []
    shots = [shot for shot in SHOTS if not options.only or shot.name in options.only]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(options.chromium), args=["--no-sandbox"])
        for shot in shots:
            try:
                data = small_webp(take(browser, base_url, shot), options.max_kb * 1024)
            except Exception as error:  # one bad page must not hide the others
                failed.append(f"{shot.name}: {error}")
                continue
            if not data:
                failed.append(f"{shot.name}: larger than {options.max_kb} KB even at quality {QUALITIES[-1]}")
                continue
            target = options.out / f"{shot.name}.webp"
            target.write_bytes(data)
            print(
                f"{target.relative_to(REPO_ROOT) if target.is_relative_to(REPO_ROOT) else target}: "
                f"{shot.viewport[0]}x{shot.viewport[1]}, {len(data) // 1024} KB"
            )
        browser.close()
    for failure in failed:
        print(f"failed: {failure}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
