"""The item page as `make serve` serves it (scripts/serve.py: gunicorn, nginx in front where installed): the
time from navigation start to the first deep-zoom tile drawn, printed (issue 18's target is 500 ms, a figure
rather than a timed assertion), and the viewer's info.json asked for while the page still loads rather than
after DOMContentLoaded. Run with -s to see the figures."""

import statistics

import pytest
import pyvips

from tests.deploy.stack import embedded_site, free_port, serve

pytestmark = [pytest.mark.slow]

INVENTORY = "FT-1"
SETUP = """
from media.ingest import ingest_image
from tests.factories import make_collection, make_home, make_item
image = ingest_image({path!r}, identifier="first-tile", title="First tile", is_public=True)
make_item(make_collection(make_home(), title="Vitražai", slug="vitrazai"), title="Langas", inventory_number={inv!r},
          images=[image])
"""
# Before the page's scripts: resource timing of info.json and the tiles, and OpenSeadragon's first tile-drawn
# (the viewer is hooked as viewer.js registers it in window.archiveViewers, before any tile can arrive).
PROBE = r"""
(() => {
  const mark = window.firstTile = {drawn: null, url: null, info: null, tiles: {}};
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      if (/\/info\.json$/.test(entry.name)) {
        mark.info = mark.info || {start: entry.startTime, end: entry.responseEnd, count: 0};
        mark.info.count += 1;  // a preload the viewer's request does not reuse would be fetched twice
      }
      if (/\/default\.jpg$/.test(entry.name)) mark.tiles[entry.name] = entry.responseEnd;
    }
  }).observe({type: "resource", buffered: true});
  window.archiveViewers = new Proxy({}, {set(target, key, value) {
    target[key] = value;
    value.viewer.addHandler("tile-drawn", event => {
      if (mark.drawn === null) { mark.drawn = performance.now(); mark.url = event.tile.getUrl(); }
    });
    return true;
  }});
})();
"""
FIGURES = """() => {
  const mark = window.firstTile, navigation = performance.getEntriesByType("navigation")[0];
  return {drawn: mark.drawn, info: mark.info, tile: mark.tiles[new URL(mark.url, location.href).href] || null,
          domContentLoaded: navigation.domContentLoadedEventStart, url: mark.url};
}"""


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """scripts/serve.py on a free port over a data folder with one published item and its public image."""
    folder = tmp_path_factory.mktemp("first-tile")
    picture = folder / "picture.png"
    xy = pyvips.Image.xyz(4000, 3000)
    (xy[0] / 16).cast("uchar").bandjoin([(xy[1] / 12).cast("uchar"), xy[0].cast("uchar")]).write_to_file(str(picture))
    environment = embedded_site(folder, SETUP.format(path=str(picture), inv=INVENTORY))
    port = free_port()
    process, said = serve(environment, port)
    assert process.poll() is None, said
    yield f"http://127.0.0.1:{port}", said
    process.terminate()
    process.communicate(timeout=60)


def first_tile(browser, url: str) -> dict:
    """One navigation in a fresh browser context (nothing cached): the figures of FIGURES, in ms."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    try:
        page = context.new_page()
        page.set_default_timeout(120_000)
        page.add_init_script(PROBE)
        page.goto(url, wait_until="domcontentloaded")
        page.wait_for_function("() => window.firstTile && window.firstTile.drawn !== null")
        return page.evaluate(FIGURES)
    finally:
        context.close()


def test_item_page_draws_its_first_tile_and_asks_for_info_json_before_domcontentloaded(browser, served):
    base, said = served
    url = f"{base}/item/{INVENTORY}/"
    first_tile(browser, url)  # the servers' first request of each kind (imports, file caches) is not a visitor's
    runs = [first_tile(browser, url) for _ in range(5)]
    print(f"\nfirst tile drawn on {url} ({said.splitlines()[-2]}), 5 cold navigations:")
    for name, pick in [
        ("DOMContentLoaded", lambda run: run["domContentLoaded"]),
        ("info.json asked", lambda run: run["info"]["start"]),
        ("info.json received", lambda run: run["info"]["end"]),
        ("first tile received", lambda run: run["tile"]),
        ("first tile drawn", lambda run: run["drawn"]),
    ]:
        values = [pick(run) for run in runs]
        print(f"  {name:20} median {statistics.median(values):6.0f} ms  (min {min(values):.0f}, max {max(values):.0f})")
    for run in runs:
        assert run["drawn"] > 0 and "/iiif/3/first-tile/" in run["url"], run
        assert run["tile"] is not None and run["tile"] <= run["drawn"], run
        # The viewer's info.json is on its way before the deferred scripts have run (preload in the head).
        assert run["info"]["start"] < run["domContentLoaded"] and run["info"]["count"] == 1, run
