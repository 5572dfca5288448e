"""Curators check an item before submitting it, and editors see what they approve: preview and draft views."""

import pytest
from django.contrib.auth.models import User

from tests.factories import make_image, make_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def item_with_a_draft(collection):
    other = make_item(collection, title="Uosto vaizdas", images=[make_image("Uostas")])
    item = make_item(collection, title="Burlaivis", images=[make_image("Laivas")])
    item.related_items.add(other)
    item.save_revision().publish()
    draft = item.get_latest_revision_as_object()
    draft.title = "Burlaivis (taisoma)"
    draft.save_revision()
    item.refresh_from_db()
    return item, other


def test_the_preview_of_an_item_shows_it_with_its_related_items(item_with_a_draft):
    item, other = item_with_a_draft
    response = item.get_latest_revision_as_object().make_preview_request()
    html = response.content.decode()
    assert response.status_code == 200
    assert "Burlaivis (taisoma)" in html and other.title in html


def test_an_editor_sees_the_draft_in_the_admin(client, item_with_a_draft):
    item, other = item_with_a_draft
    client.force_login(User.objects.create_superuser("redaktorius", password="x"))
    response = client.get(f"/admin/pages/{item.pk}/view_draft/")
    assert response.status_code == 200
    assert "Burlaivis (taisoma)" in response.content.decode()
