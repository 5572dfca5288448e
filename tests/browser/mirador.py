"""JavaScript probes of the compare page's Mirador workspace, shared by the browser tests.

Mirador keeps its OpenSeadragon viewers to itself, so the probes read the page: each window's section
and the canvases OpenSeadragon draws into inside it.
"""

from .helpers import SAMPLE_CANVAS

# Per Mirador window: the sample (see SAMPLE_CANVAS) of its best-painted canvas.
WINDOW_PIXELS = f"""() => {{
  {SAMPLE_CANVAS}
  return Array.from(document.querySelectorAll("section.mirador-window")).map(section => {{
    let best = {{painted: 0, spread: 0}};
    section.querySelectorAll(".openseadragon-canvas canvas").forEach(canvas => {{
      if (!canvas.width || !canvas.height || !canvas.getContext("2d")) return;
      const sample = sampleCanvas(canvas);
      if (sample.painted > best.painted) best = sample;
    }});
    return best;
  }});
}}"""

WINDOWS_DRAWN = f"""count => {{
  const windows = ({WINDOW_PIXELS})();
  return windows.length === count && windows.every(pixels => pixels.painted > 500 && pixels.spread > 60);
}}"""

WINDOW_TITLES = """() => Array.from(document.querySelectorAll("section.mirador-window"))
  .map(section => section.querySelector(".mirador-window-top-bar h2").textContent)"""


def wait_for_workspace(page, windows: int) -> None:
    """Until Mirador shows `windows` windows, each with image tiles drawn on its canvas."""
    page.wait_for_function(WINDOWS_DRAWN, arg=windows)
