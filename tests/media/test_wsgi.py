"""The lean route for anonymous IIIF requests (media/iiif/wsgi.py): same answers as the site, cheaper to reach."""

import pytest
from django.contrib.auth.models import Permission, User
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections

from media.iiif.wsgi import ImageAPIDispatch, is_anonymous_image_request
from tests.factories import make_item
from tests.media.builders import call

pytestmark = pytest.mark.django_db
TILE = "/iiif/3/grid/0,0,256,256/256,/0/default.jpg"
IIIF_HEADERS = ("Content-Type", "Cache-Control", "ETag", "Last-Modified", "Link", "Access-Control-Allow-Origin")


@pytest.fixture
def application():
    # As Django's test client does: the test's transaction must outlive each request.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield ImageAPIDispatch(WSGIHandler())
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def test_only_cookieless_image_api_requests_take_the_lean_route():
    assert is_anonymous_image_request({"PATH_INFO": TILE})
    assert is_anonymous_image_request({"PATH_INFO": TILE, "HTTP_COOKIE": "csrftoken=abc"})
    assert not is_anonymous_image_request({"PATH_INFO": TILE, "HTTP_COOKIE": "a=1; sessionid=abc"})
    assert not is_anonymous_image_request({"PATH_INFO": "/iiif/manifest/X-1"})
    assert not is_anonymous_image_request({"PATH_INFO": "/admin/"})


@pytest.mark.parametrize(
    "path", [TILE, "/iiif/3/grid/info.json", "/iiif/2/grid/full/100,/0/gray.png", "/iiif/3/grid/full/9999,/0/x.jpg"]
)
def test_lean_route_answers_like_the_site(client, application, public_image, path):
    status, headers, body = call(application, path)
    site = client.get(path)
    assert status == site.status_code and body == site.content
    for name in IIIF_HEADERS:
        assert headers.get(name) == site.headers.get(name), name


def test_lean_route_keeps_the_security_headers(application, public_image):
    _, headers, _ = call(application, TILE)
    assert headers["X-Content-Type-Options"] == "nosniff" and headers["X-Frame-Options"] == "DENY"


def test_lean_route_refuses_unknown_hosts(application, public_image, settings):
    settings.ALLOWED_HOSTS = ["archive.example"]
    assert call(application, TILE)[0] == 400


def test_drafts_are_unknown_on_the_lean_route(application, collection, private_image):
    make_item(collection, live=False, images=[private_image])
    assert call(application, "/iiif/3/draft/info.json")[0] == 404


def test_an_editors_session_goes_the_full_way_and_sees_drafts(client, application, collection, private_image):
    make_item(collection, live=False, images=[private_image])
    user = User.objects.create_user("editor", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    cookie = f"sessionid={client.cookies['sessionid'].value}"
    status, headers, _ = call(application, "/iiif/3/draft/full/max/0/default.jpg", cookie=cookie)
    assert status == 200 and "no-store" in headers["Cache-Control"]


def test_a_public_tile_seen_before_costs_no_database_query(application, public_image, django_assert_num_queries):
    call(application, TILE)
    with django_assert_num_queries(0):
        assert call(application, TILE)[0] == 200


def test_a_remembered_public_image_is_forgotten_when_it_turns_private(application, public_image):
    assert call(application, TILE)[0] == 200
    public_image.is_public = False
    public_image.save()
    assert call(application, TILE)[0] == 404
