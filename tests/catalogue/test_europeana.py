import pytest

from archive.catalogue.europeana import content_tier, readiness
from tests.factories import make_image, make_item

OPEN = "http://creativecommons.org/licenses/by/4.0/"
REUSE = "http://rightsstatements.org/vocab/InC-EDU/1.0/"
CLOSED = "http://rightsstatements.org/vocab/InC/1.0/"


@pytest.mark.parametrize(
    ("megapixels", "rights", "tier"),
    [
        (0.05, OPEN, 0),
        (0.1, CLOSED, 1),
        (0.42, CLOSED, 2),
        (0.95, CLOSED, 2),
        (0.95, REUSE, 3),
        (0.95, OPEN, 4),
        (0.5, OPEN, 2),
    ],
)
def test_content_tier_needs_pixels_and_rights(megapixels, rights, tier):
    assert content_tier(megapixels, rights) == tier


@pytest.mark.django_db
def test_item_with_undetermined_copyright_and_no_image_is_not_ready(collection):
    item = make_item(collection, rights="http://rightsstatements.org/vocab/UND/1.0/")
    result = readiness(item)
    assert not result.ready
    assert any("edm:rights" in str(entry) for entry in result.missing)
    assert any("edm:isShownBy" in str(entry) for entry in result.missing)


@pytest.mark.django_db
def test_open_item_with_a_large_image_reaches_tier_4(collection):
    item = make_item(collection, rights=OPEN, images=[make_image("Didelis", 1280, 800)])
    result = readiness(item)
    assert result.ready and result.tier == 4


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("editor", "e@example.org", "pw"))
    return client


@pytest.mark.django_db
def test_item_editor_shows_the_readiness_panel(editor, collection):
    item = make_item(collection, rights=CLOSED, images=[make_image("Mažas", 700, 600)])
    html = editor.get(f"/admin/pages/{item.pk}/edit/").content.decode()
    assert 'class="europeana-readiness"' in html
    assert "0,42" in html or "0.42" in html  # the largest image's megapixels, in the admin's number format


@pytest.mark.django_db
def test_report_lists_the_items_not_ready(editor, collection):
    make_item(collection, inventory_number="R-1", rights=OPEN, images=[make_image("Gerai", 1280, 800)])
    make_item(collection, inventory_number="R-2", rights="http://rightsstatements.org/vocab/UND/1.0/")
    html = editor.get("/admin/reports/europeana/").content.decode()
    assert "R-2" in html and "R-1" not in html
