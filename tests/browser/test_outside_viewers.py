"""Outside IIIF viewers, from npm, open every document the archive publishes (issue #15).

A small web server on another origin serves each viewer with a harness page (tests/browser/outside/),
as a school or a researcher would host it; the documents come from the live server. For every
collection, manifest and exhibition reachable from /iiif/collection/top, Mirador 3, Mirador 4 and the
Universal Viewer must show its label with no uncaught error (no white or black screen), and draw image
tiles for manifests; OpenSeadragon 6 opens each image's info.json and draws it.
"""

import functools
import http.server
import json
import threading
from pathlib import Path
from urllib.parse import quote, urlsplit
from urllib.request import urlopen

import pytest
from iiif_prezi3 import Collection, Manifest

from archive.exhibitions.models import ExhibitionPage
from tests.factories import make_item

from .helpers import NODE_MODULES, SAMPLE_CANVAS
from .mirador import WINDOW_PIXELS

pytestmark = [pytest.mark.service, pytest.mark.slow, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

HARNESS = Path(__file__).resolve().parent / "outside"
VIEWER_PACKAGES = {
    "mirador3": NODE_MODULES / "mirador3" / "dist" / "mirador.min.js",
    "mirador4": NODE_MODULES / "mirador" / "dist" / "mirador.min.js",
    "uv": NODE_MODULES / "universalviewer" / "dist" / "umd" / "UV.js",
}


class HarnessHandler(http.server.SimpleHTTPRequestHandler):
    """The harness pages at /, the npm packages at /node_modules/: nothing else of the repository."""

    def translate_path(self, path: str) -> str:
        translated = super().translate_path(path)
        if urlsplit(path).path.startswith("/node_modules/"):
            return str(NODE_MODULES.parent) + translated[len(self.directory) :]
        return translated

    def log_message(self, format, *args):
        pass


@pytest.fixture
def harness():
    """The harness server on 127.0.0.1 (the live server is `localhost`): another origin, as CORS sees it."""
    missing = [name for name, path in VIEWER_PACKAGES.items() if not path.exists()]
    if missing:
        pytest.skip(f"outside viewers missing from node_modules ({', '.join(missing)}): run npm ci")
    handler = functools.partial(HarnessHandler, directory=str(HARNESS))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def published(catalogue):
    """The browser catalogue, an item without images, and an exhibition with a Lithuanian slug that
    highlights a detail and shows a gallery."""
    first, second = catalogue["items"]
    bare = make_item(catalogue["collection"], title="Be vaizdų", inventory_number="BR-3")
    body = json.dumps(
        [
            {
                "type": "highlight",
                "value": {"item": first.pk, "image_number": 1, "region": "400,300,800,600", "caption": ""},
            },
            {"type": "gallery", "value": {"heading": "Daugiau", "items": [second.pk, bare.pk]}},
        ]
    )
    catalogue["home"].add_child(instance=ExhibitionPage(title="Jūrų ūkis", slug="jūrų-ūkis", body=body))
    return catalogue


def fetch_json(address: str) -> dict:
    with urlopen(address, timeout=30) as response:  # noqa: S310 - the live server
        return json.load(response)


def walk(top: str) -> dict[str, dict]:
    """Every document reachable from the top collection: address -> the document."""
    found, queue = {}, [top]
    while queue:
        address = queue.pop(0)
        if address in found:
            continue
        found[address] = fetch_json(address)
        if found[address]["type"] == "Collection":
            queue.extend(entry["id"] for entry in found[address]["items"])
    return found


def labels(document: dict) -> set[str]:
    return {text for texts in document["label"].values() for text in texts}


def first_manifest(documents: dict[str, dict], address: str) -> dict:
    """The manifest a viewer opens for a collection: depth first, its first member that is a manifest."""
    document = documents[address]
    while document["type"] == "Collection":
        document = documents[document["items"][0]["id"]]
    return document


def harness_page(page, harness: str, name: str, query: str) -> list[str]:
    """Open a harness page; the list it returns fills with uncaught errors (a white or black screen)."""
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{harness}/{name}.html?{query}")
    return errors


# Per Mirador window: its title and the sample of its best-painted canvas (see mirador.WINDOW_PIXELS).
MIRADOR_WINDOWS = f"""() => {{
  const pixels = ({WINDOW_PIXELS})();
  return Array.from(document.querySelectorAll("section.mirador-window")).map((section, index) => ({{
    title: (section.querySelector(".mirador-window-top-bar h2") || {{textContent: ""}}).textContent.trim(),
    painted: pixels[index].painted, spread: pixels[index].spread,
  }}));
}}"""

# True once every document has a window whose title is one of its labels, manifests' windows drawn.
MIRADOR_READY = f"""expected => {{
  const windows = ({MIRADOR_WINDOWS})();
  return windows.length === expected.length && expected.every(doc => windows.some(window =>
    doc.labels.includes(window.title) && (!doc.draws || (window.painted > 500 && window.spread > 60))));
}}"""

UV_READY = f"""expected => {{
  {SAMPLE_CANVAS}
  const text = document.getElementById("uv").innerText;
  const drawn = Array.from(document.querySelectorAll(".openseadragon-canvas canvas")).some(canvas => {{
    const sample = sampleCanvas(canvas);
    return sample.painted > 500 && sample.spread > 60;
  }});
  return expected.every(label => text.includes(label)) && drawn;
}}"""

OSD_READY = f"""count => {{
  {SAMPLE_CANVAS}
  const viewers = window.harnessViewers || [];
  return viewers.length === count && viewers.every(viewer => {{
    const item = viewer.world.getItemAt(0);
    if (!item || !item.getFullyLoaded()) return false;
    const sample = sampleCanvas(viewer.drawer.canvas);
    return sample.painted > 500 && sample.spread > 60;
  }});
}}"""


@pytest.mark.parametrize("viewer", ["mirador3", "mirador4"])
def test_mirador_shows_every_document_and_draws_every_manifest(page, published, site, harness, viewer):
    documents = walk(f"{site}/iiif/collection/top")
    kinds = sorted(urlsplit(address).path.rsplit("/", 1)[0] for address in documents)
    assert kinds == ["/iiif/collection"] * 3 + ["/iiif/exhibition"] + ["/iiif/manifest"] * 2
    for document in documents.values():
        (Collection if document["type"] == "Collection" else Manifest).model_validate(document)
    expected = [
        {"labels": sorted(labels(document)), "draws": document["type"] == "Manifest"} for document in documents.values()
    ]
    errors = harness_page(page, harness, viewer, f"documents={quote(json.dumps(list(documents)))}")
    page.wait_for_function(MIRADOR_READY, arg=expected)
    assert errors == []


def test_universal_viewer_shows_every_document_and_draws_its_images(page, published, site, harness):
    """UV opens a collection at its first manifest, listing the collection's members beside it."""
    documents = walk(f"{site}/iiif/collection/top")
    for address, document in documents.items():
        shown = first_manifest(documents, address)
        expected = [sorted(labels(shown))[0]]
        if document["type"] == "Collection":
            expected += [sorted(labels(entry) if "label" in entry else [])[0] for entry in document["items"]]
        errors = harness_page(page, harness, "uv", f"document={quote(address)}")
        page.wait_for_function(UV_READY, arg=expected)
        assert errors == [], address


def test_openseadragon_6_draws_every_image_from_its_info_json(page, published, site, harness):
    documents = walk(f"{site}/iiif/collection/top")
    services = {
        canvas["items"][0]["items"][0]["body"]["service"][0]["id"]
        for document in documents.values()
        if document["type"] == "Manifest"
        for canvas in document["items"]
    }
    sources = [f"{service}/info.json" for service in sorted(services)]
    assert len(sources) == 2
    errors = harness_page(page, harness, "osd", f"sources={quote(json.dumps(sources))}")
    page.wait_for_function(OSD_READY, arg=len(sources))
    assert errors == []
