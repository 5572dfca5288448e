"""Headless Chromium (Debian's package, driven by Python Playwright) against pytest-django's live server.

One browser for the whole session; a fresh page per test. Tests skip with a reason when Chromium or
the npm packages are missing; in CI (CI=true) such a skip fails, like every service test.
"""

import functools
import http.server
import os
import threading
import time
from pathlib import Path

import pytest
import pyvips

from archive.catalogue.models import ItemImage
from media.ingest import ingest_image
from tests.factories import make_collection, make_home, make_item

from .helpers import AXE_SCRIPT, NODE_MODULES

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Playwright's sync API keeps an event loop in the main thread, where the tests also use the ORM.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def missing_requirement() -> str:
    if not CHROMIUM.exists():
        return "no /usr/bin/chromium: apt-get install chromium"
    packages = [NODE_MODULES / "openseadragon", NODE_MODULES / "mirador" / "dist" / "mirador.min.js", AXE_SCRIPT]
    if not all(path.exists() for path in packages):
        return "front-end packages missing from node_modules: run npm ci"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "Python playwright is not installed: pip install -e .[test]"
    return ""


@pytest.fixture(scope="session")
def browser():
    reason = missing_requirement()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.set_default_timeout(60_000)
    in_flight = set()
    context.on("request", lambda request: in_flight.add(request))
    context.on("requestfinished", lambda request: in_flight.discard(request))
    context.on("requestfailed", lambda request: in_flight.discard(request))
    refused = []
    context.on("console", lambda message: refused.append(message.text) if is_policy_refusal(message) else None)
    yield page
    settle(page, in_flight)
    context.close()
    # Every journey doubles as a test of the Content-Security-Policy: nothing the pages need is refused.
    assert refused == [], "\n".join(refused)


def is_policy_refusal(message) -> bool:
    return message.type == "error" and "Content Security Policy" in message.text


def settle(page, in_flight: set, seconds: float = 10.0) -> None:
    """Let the tile requests a test started finish before the database is flushed for the next test:
    on PostgreSQL a flush racing the live server's queries deadlocks."""
    page.goto("about:blank")
    deadline = time.monotonic() + seconds
    while in_flight and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    page.wait_for_timeout(300)


@pytest.fixture
def site(live_server, settings, tmp_path):
    """Absolute URLs (IIIF ids in info.json, embed code, oEmbed) point at the live server."""
    settings.PUBLIC_BASE_URL = live_server.url
    settings.IIIF_BASE_URL = f"{live_server.url}/iiif"
    settings.IIIF_PYRAMID_ROOT = str(tmp_path / "pyramids")
    settings.IIIF_CACHE_ROOT = str(tmp_path / "cache")
    return live_server.url


def write_grid(path: Path, width: int, height: int, blue: int) -> Path:
    """A picture whose colour changes across it, so a drawn canvas is anything but uniform."""
    xy = pyvips.Image.xyz(width, height)
    red = (xy[0] * 255 / (width - 1)).cast("uchar")
    green = (xy[1] * 255 / (height - 1)).cast("uchar")
    image = red.bandjoin([green, (red * 0 + blue).cast("uchar")]).copy(interpretation="srgb")
    image.write_to_file(str(path))
    return path


@pytest.fixture
def catalogue(site, transactional_db, tmp_path):
    """A home page, a collection and two published items, the first with a then/now pair of images."""
    home = make_home()
    collection = make_collection(home, title="Vitražai", slug="vitrazai", intro="<p>Langų vitražai.</p>")
    then = ingest_image(write_grid(tmp_path / "then.png", 1600, 1200, 40), identifier="browser-then", title="Then")
    now = ingest_image(write_grid(tmp_path / "now.png", 1600, 1200, 200), identifier="browser-now", title="Now")
    first = make_item(
        collection,
        title="Turgaus aikštė",
        inventory_number="BR-1",
        images=[then, now],
        credit_line="Klaipėdos miesto savivaldybės viešoji biblioteka",
        date_text="apie 1935 m.",
    )
    for link, view in zip(first.images.all(), [ItemImage.View.THEN, ItemImage.View.NOW], strict=True):
        link.view = view
        link.save()
    second = make_item(collection, title="Uosto vaizdas", inventory_number="BR-2", images=[now])
    return {"home": home, "collection": collection, "items": [first, second]}


@pytest.fixture
def other_origin(tmp_path):
    """A plain web server on 127.0.0.1 (the live server is `localhost`): another origin for iframes."""
    folder = tmp_path / "other-origin"
    folder.mkdir()
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield folder, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass
