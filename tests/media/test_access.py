"""Who sees which image: drafts are unknown to the public on every URL form, editors see them privately."""

import pytest
from django.contrib.auth.models import Permission, User

from tests.factories import make_item

pytestmark = pytest.mark.django_db

URL_FORMS = [
    "/iiif/3/{id}/info.json",
    "/iiif/3/{id}",
    "/iiif/3/{id}/full/max/0/default.jpg",
    "/iiif/3/{id}/0,0,256,256/256,/0/default.jpg",
    "/iiif/2/{id}/info.json",
    "/iiif/2/{id}",
    "/iiif/2/{id}/full/full/0/default.png",
]


@pytest.fixture
def editor(client):
    user = User.objects.create_user("editor", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    return user


def answers(client, identifier):
    return [client.get(url.format(id=identifier)) for url in URL_FORMS]


def test_draft_items_images_answer_404_like_unknown_ones(client, collection, private_image):
    make_item(collection, live=False, images=[private_image])
    unknown = answers(client, "no-such-image")
    draft = answers(client, private_image.iiif_identifier)
    assert [r.status_code for r in draft] == [404] * len(URL_FORMS)
    assert [r.content for r in draft] == [r.content for r in unknown]


def test_published_items_images_are_public(client, collection, private_image):
    make_item(collection, live=True, images=[private_image])
    response = client.get(f"/iiif/3/{private_image.iiif_identifier}/full/max/0/default.jpg")
    assert response.status_code == 200 and response["Cache-Control"].startswith("public")


def test_editors_see_drafts_without_shared_caching(client, collection, private_image, editor):
    make_item(collection, live=False, images=[private_image])
    for response in answers(client, private_image.iiif_identifier):
        assert response.status_code in (200, 303)
        if response.status_code == 200:
            assert "public" not in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_image_flagged_public_needs_no_page(client, public_image):
    assert client.get("/iiif/3/grid/info.json").status_code == 200


def test_a_cached_derivative_is_not_served_once_an_item_is_unpublished(client, collection, private_image):
    item = make_item(collection, live=True, images=[private_image])
    url = f"/iiif/3/{private_image.iiif_identifier}/full/max/0/default.jpg"
    assert client.get(url).status_code == 200
    item.unpublish()
    assert client.get(url).status_code == 404
