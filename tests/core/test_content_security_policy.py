"""Every HTML page carries a Content-Security-Policy; the browser tests check that the pages work under it."""

import pytest

from tests.factories import make_image, make_item

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, str]:
    pairs = (part.split(" ", 1) for part in response["Content-Security-Policy"].split("; "))
    return {name: value for name, value in pairs}


@pytest.fixture
def item(collection):
    return make_item(collection, title="Langas", inventory_number="KVB-C-1", images=[make_image("Front")])


@pytest.mark.parametrize("path", ["/", "/en/", "/search/?q=x", "/nera/", "/compare/?items=KVB-C-1,KVB-C-1"])
def test_public_pages_run_only_the_archives_own_scripts_and_are_framed_only_by_it(client, item, path):
    policy = directives(client.get(path))
    assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
    assert policy["frame-ancestors"] == "'self'"
    assert policy["object-src"] == "'none'"


def test_the_item_page_has_the_policy(client, item):
    assert directives(client.get(item.url))["default-src"].startswith("'self'")


def test_embeds_may_be_framed_anywhere(client, item):
    assert directives(client.get("/embed/item/KVB-C-1/"))["frame-ancestors"] == "*"


def test_images_and_documents_from_a_separate_iiif_host_and_map_tiles_are_allowed(client, item, settings):
    settings.IIIF_BASE_URL = "https://images.example.org/iiif"
    settings.MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    policy = directives(client.get("/"))
    assert "https://images.example.org" in policy["img-src"].split()
    assert "https://images.example.org" in policy["connect-src"].split()
    assert "https://tiles.example.org" in policy["img-src"].split()
    assert "https://tiles.example.org" not in policy["script-src"].split()


def test_json_and_images_carry_no_page_policy(client, item):
    assert "Content-Security-Policy" not in client.get("/iiif/manifest/KVB-C-1")


def test_the_admin_alone_may_run_inline_scripts(client, admin_user):
    client.force_login(admin_user)
    assert "'unsafe-inline'" in directives(client.get("/admin/"))["script-src"]
