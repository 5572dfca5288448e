"""Small JavaScript probes shared by the browser tests; they read the hook viewer.js exposes."""

VIEWER_READY = """inventory => {
  const entry = window.archiveViewers && window.archiveViewers[inventory];
  return !!entry && entry.viewer.world.getItemCount() > 0 && entry.viewer.world.getItemAt(0).getFullyLoaded();
}"""

# A JavaScript function that samples a drawn canvas: how many pixels are painted and how far their red
# values spread (the test pictures change colour across, so drawn tiles spread and a blank canvas does not).
SAMPLE_CANVAS = """function sampleCanvas(canvas) {
  const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  let low = 255, high = 0, painted = 0;
  for (let i = 0; i < data.length; i += 4 * 61) {
    if (data[i + 3] === 0) continue;
    painted += 1;
    low = Math.min(low, data[i]);
    high = Math.max(high, data[i]);
  }
  return {painted: painted, spread: high - low};
}"""

CANVAS_PIXELS = f"""inventory => {{
  {SAMPLE_CANVAS}
  return sampleCanvas(window.archiveViewers[inventory].viewer.drawer.canvas);
}}"""

IMAGE_BOUNDS = "inventory => window.archiveViewers[inventory].imageBounds()"


def wait_for_viewer(frame, inventory: str) -> None:
    frame.wait_for_function(VIEWER_READY, arg=inventory)


def assert_drawn(frame, inventory: str) -> None:
    pixels = frame.evaluate(CANVAS_PIXELS, inventory)
    assert pixels["painted"] > 500, pixels
    assert pixels["spread"] > 60, pixels
