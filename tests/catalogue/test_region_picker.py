"""The region picker's server side: the image lookup the admin's drawing layer asks, and where the picker
appears (the item's notes on details, the exhibition's highlights). Drawing itself: tests/browser."""

import json

import pytest
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.users.models import UserProfile

from archive.exhibitions.blocks import ItemHighlightBlock
from archive.exhibitions.models import ExhibitionPage
from tests.factories import make_image, make_item

URL = "/admin/region-picker/image/"


@pytest.fixture
def admin(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("editor", "e@example.org", "pw"))
    return client


@pytest.fixture
def draft(collection):
    """An unpublished item: its images are not public, yet the admin draws on them."""
    return make_item(
        collection,
        title="Juodraštis",
        inventory_number="RP-1",
        live=False,
        images=[make_image("Pirmas", 300, 200), make_image("Antras", 120, 90)],
    )


@pytest.mark.django_db
def test_an_image_by_its_id_gives_its_info_json_and_size(admin, draft, settings):
    image = draft.ordered_images()[1].image
    assert not image.is_public
    answer = admin.get(URL, {"image": image.pk}).json()
    assert answer == {
        "info": f"{settings.IIIF_BASE_URL}/3/{image.iiif_identifier}/info.json",
        "width": 120,
        "height": 90,
    }
    assert admin.get(answer["info"].removeprefix(settings.PUBLIC_BASE_URL)).status_code == 200


@pytest.mark.django_db
def test_an_items_image_by_its_number(admin, draft):
    answer = admin.get(URL, {"item": draft.pk, "number": 2}).json()
    assert (answer["width"], answer["height"]) == (120, 90)


@pytest.mark.django_db
def test_a_number_past_the_items_images_is_refused_in_the_admins_language(admin, draft, django_user_model):
    profile = UserProfile.get_for_user(django_user_model.objects.get(username="editor"))
    profile.preferred_language = "lt"
    profile.save()
    response = admin.get(URL, {"item": draft.pk, "number": 3})
    assert response.status_code == 404
    with translation.override("lt"):
        assert response.json()["error"] == _("The item has %(count)s image(s); there is no image %(number)s.") % {
            "count": 2,
            "number": 3,
        }
    assert response.json()["error"].startswith("Įrašas")
    assert admin.get(URL, {"item": "x"}).status_code == 400
    assert admin.get(URL, {"image": 999999}).status_code == 404


@pytest.mark.django_db
def test_only_people_who_use_the_admin_may_ask(client, draft, django_user_model):
    image = draft.ordered_images()[0].image
    assert client.get(URL, {"image": image.pk}).status_code == 302  # to the admin's login
    client.force_login(django_user_model.objects.create_user("outsider", "o@example.org", "pw"))
    assert client.get(URL, {"image": image.pk}).status_code in (302, 403)


@pytest.mark.django_db
def test_the_item_editor_shows_the_picker_on_the_notes_region(admin, draft):
    html = admin.get(f"/admin/pages/{draft.pk}/edit/").content.decode()
    assert 'data-region-picker="images"' in html
    assert "catalogue/region-picker.js" in html and "vendor/openseadragon/openseadragon.min.js" in html


@pytest.mark.django_db
def test_the_exhibition_editor_shows_the_picker_on_the_highlights_region(admin, home, draft):
    body = [{"type": "highlight", "value": {"item": draft.pk, "image_number": 1, "region": "1,2,30,40"}}]
    exhibition = home.add_child(instance=ExhibitionPage(title="Uostas", slug="uostas", body=json.dumps(body)))
    html = admin.get(f"/admin/pages/{exhibition.pk}/edit/").content.decode()
    assert "data-region-picker" in html and "catalogue/region-picker.js" in html


def test_the_highlights_region_is_stored_as_a_plain_char_block():
    """Only the admin's widget differs, so the block needs no migration."""
    path, _args, _kwargs = ItemHighlightBlock().child_blocks["region"].deconstruct()
    assert path == "wagtail.blocks.CharBlock"
