"""What the browser tests share: small JavaScript probes (they read the hook viewer.js exposes), axe-core and its
WCAG tags, the reflow checks, and logging a page in."""

from pathlib import Path

from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.test import Client

VIEWER_READY = """inventory => {
  const entry = window.archiveViewers && window.archiveViewers[inventory];
  return !!entry && entry.viewer.world.getItemCount() > 0 && entry.viewer.world.getItemAt(0).getFullyLoaded();
}"""

NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"
AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
RUN_AXE = """tags => axe.run(document, {runOnly: {type: "tag", values: tags}}).then(result =>
  result.violations.map(v => ({
    rule: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ")),
  })))"""

# The reflow checks: the two window sizes, images that did not load, and the page against the window width.
VIEWPORTS = {"desktop": (1366, 900), "phone": (390, 844)}
IMAGES_LOADED = """() => Array.from(document.images).filter(image => !image.complete || image.naturalWidth === 0)
  .map(image => image.src)"""
WIDTHS = "() => [document.documentElement.scrollWidth, window.innerWidth]"

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


def log_in(page, base_url: str) -> None:
    """A new superuser's session, set as a cookie of the page's browser context."""
    user = get_user_model().objects.create_superuser("curator", "c@example.org", "pw")
    client = Client()
    client.force_login(user)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": django_settings.SESSION_COOKIE_NAME, "value": cookie, "url": base_url}])
