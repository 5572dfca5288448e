"""Every absolute URL the archive hands out is built from PUBLIC_BASE_URL, whatever the Site record says.

The seed loader writes the Site record once (hostname localhost, port 80); the archive may then run on
another port or behind a proxy. Links built from the Site record were dead (`http://localhost/...`).
"""

import re
from html import unescape
from urllib.parse import urlsplit

import pytest

from tests.factories import make_image, make_item

pytestmark = pytest.mark.django_db

ORIGIN = "http://archive.example:8081"
URL = re.compile(r"https?://[^\s\"'<>\\)]+")
# Vocabularies, specifications and the provider's own site: not ours, named on purpose.
OUTSIDE = (
    "http://iiif.io/",
    "https://iiif.io/",
    "http://www.w3.org/",
    "https://www.w3.org/",
    "http://schema.org",
    "https://schema.org",
    "http://rightsstatements.org/",
    "https://rightsstatements.org/",
    "http://creativecommons.org/",
    "https://creativecommons.org/",
    "https://www.klavb.lt/",
    "http://purl.org/",
    "http://www.europeana.eu/",
    "https://www.europeana.eu/",
    "http://www.openarchives.org/",
    "https://tile.openstreetmap.org/",
    "https://www.openstreetmap.org/",
    "http://www.sitemaps.org/",
    "http://www.google.com/schemas/",
    "https://citationstyles.org/",
    "https://resource.citationstyles.org/",
)


@pytest.fixture
def origin(settings):
    settings.PUBLIC_BASE_URL = ORIGIN
    settings.IIIF_BASE_URL = f"{ORIGIN}/iiif"
    settings.ALLOWED_HOSTS = ["testserver", "archive.example"]
    return ORIGIN


@pytest.fixture
def item(collection):
    return make_item(collection, title="Langas", inventory_number="KVB-O-1", images=[make_image("Front")])


def foreign_urls(text: str) -> set[str]:
    found = {unescape(url).rstrip(".,;") for url in URL.findall(text)}
    return {url for url in found if not url.startswith(ORIGIN) and not url.startswith(OUTSIDE)}


@pytest.mark.parametrize(
    "path",
    [
        "{page}",
        "/iiif/manifest/KVB-O-1",
        "/iiif/collection/top",
        "/sitemap.xml",
        "/embed/item/KVB-O-1/",
        "/item/KVB-O-1/cite.json",
        "/item/KVB-O-1/record.jsonld",
        "/oai?verb=Identify",
        "/api/search/?q=Langas",
        "/api/search/openapi.json",
    ],
)
def test_documents_link_only_to_the_public_origin(client, origin, item, path):
    answer = client.get(path.format(page=item.url), HTTP_HOST="archive.example")
    assert answer.status_code == 200, path
    assert foreign_urls(answer.content.decode()) == set()


def test_the_manifest_homepage_is_the_item_page_at_the_public_origin(client, origin, item):
    manifest = client.get("/iiif/manifest/KVB-O-1").json()
    assert [page["id"] for page in manifest["homepage"]] == [f"{ORIGIN}{item.url}"]


def test_the_oembed_discovery_link_of_an_item_page_answers(client, origin, item):
    page = client.get(item.url).content.decode()
    (link,) = re.findall(r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"', page)
    discovery = urlsplit(unescape(link))
    assert f"{discovery.scheme}://{discovery.netloc}" == ORIGIN
    answer = client.get(f"{discovery.path}?{discovery.query}")
    assert answer.status_code == 200
    assert answer.json()["title"] == "Langas"
