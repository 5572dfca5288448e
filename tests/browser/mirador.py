"""JavaScript probes of the compare page's Mirador workspace, shared by the browser tests.

Mirador keeps its OpenSeadragon viewers to itself, so the probes read the page: each window's section
and the canvases OpenSeadragon draws into inside it.
"""

# Per Mirador window: how many sampled pixels its best canvas has painted, and how far their red values
# spread (the test pictures change colour across, so a drawn tile spreads, a blank canvas does not).
WINDOW_PIXELS = """() => Array.from(document.querySelectorAll("section.mirador-window")).map(section => {
  let best = {painted: 0, spread: 0};
  section.querySelectorAll(".openseadragon-canvas canvas").forEach(canvas => {
    const context = canvas.width && canvas.height ? canvas.getContext("2d") : null;
    if (!context) return;
    const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let low = 255, high = 0, painted = 0;
    for (let i = 0; i < data.length; i += 4 * 61) {
      if (data[i + 3] === 0) continue;
      painted += 1;
      low = Math.min(low, data[i]);
      high = Math.max(high, data[i]);
    }
    if (painted > best.painted) best = {painted: painted, spread: high - low};
  });
  return best;
})"""

WINDOWS_DRAWN = f"""count => {{
  const windows = ({WINDOW_PIXELS})();
  return windows.length === count && windows.every(pixels => pixels.painted > 500 && pixels.spread > 60);
}}"""

WINDOW_TITLES = """() => Array.from(document.querySelectorAll("section.mirador-window"))
  .map(section => section.querySelector(".mirador-window-top-bar h2").textContent)"""


def wait_for_workspace(page, windows: int) -> None:
    """Until Mirador shows `windows` windows, each with image tiles drawn on its canvas."""
    page.wait_for_function(WINDOWS_DRAWN, arg=windows)
