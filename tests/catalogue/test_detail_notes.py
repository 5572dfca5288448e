"""Curators' notes on details: the item editor refuses notes that point at no image or outside it."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from archive.catalogue.models import ItemDetailNote, ItemPage
from tests.factories import make_image, make_item


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("curator", "c@example.org", "pw"))
    return client


@pytest.fixture
def item(collection):
    return make_item(
        collection, title="Langas", inventory_number="KVB-VIT-900", images=[make_image("Langas", 300, 200)]
    )


def edit_form(item: ItemPage, notes: list[dict]) -> dict:
    image = item.images.first()
    return nested_form_data(
        {
            "title": item.title,
            "slug": item.slug,
            "inventory_number": item.inventory_number,
            "rights": item.rights,
            "date_text": "",
            "description": rich_text(""),
            "alternative_titles": inline_formset([]),
            "creators": inline_formset([]),
            "images": inline_formset(
                [{"id": image.pk, "image": image.image_id, "alt_text": image.alt_text, "caption": "", "view": ""}]
            ),
            "detail_notes": inline_formset(notes),
            "life_events": inline_formset([]),
            "action-publish": "publish",
        }
    )


def post(editor, item, notes):
    return editor.post(f"/admin/pages/{item.pk}/edit/", edit_form(item, notes))


@pytest.mark.django_db
def test_a_note_inside_the_image_is_saved_with_its_region_normalised(editor, item):
    response = post(editor, item, [{"image_number": 1, "region": " 10, 20 ,100,50", "note": "Signatūra"}])
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    (note,) = ItemDetailNote.objects.filter(item=item)
    assert (note.image_number, note.region, note.note) == (1, "10,20,100,50", "Signatūra")


@pytest.mark.django_db
def test_a_note_reaching_outside_the_image_is_refused_with_the_image_size(editor, item):
    response = post(editor, item, [{"image_number": 1, "region": "250,150,100,100", "note": "Per toli"}])
    assert response.status_code == 200
    errors = response.context["form"].formsets["detail_notes"].forms[0].errors
    assert "300 × 200" in str(errors["region"])
    assert not ItemDetailNote.objects.filter(item=item).exists()


@pytest.mark.django_db
def test_a_note_on_an_image_the_item_does_not_have_is_refused(editor, item):
    response = post(editor, item, [{"image_number": 2, "region": "0,0,10,10", "note": "Antras vaizdas"}])
    assert response.status_code == 200
    errors = response.context["form"].formsets["detail_notes"].forms[0].errors
    assert "image_number" in errors
    assert not ItemDetailNote.objects.filter(item=item).exists()


@pytest.mark.django_db
def test_a_region_that_is_not_four_numbers_is_refused(editor, item):
    response = post(editor, item, [{"image_number": 1, "region": "kairėje viršuje", "note": "?"}])
    assert response.status_code == 200
    errors = response.context["form"].formsets["detail_notes"].forms[0].errors
    assert "x,y,w,h" in str(errors["region"])


@pytest.mark.django_db
def test_the_item_page_lists_notes_with_links_to_the_region_and_its_citation(client, item):
    item.detail_notes.add(ItemDetailNote(image_number=1, region="10,20,100,50", note="Meistro signatūra"))
    item.save_revision().publish()
    html = client.get(item.url).content.decode()
    assert "Meistro signatūra" in html
    assert 'href="?canvas=1&amp;xywh=10,20,100,50"' in html
    assert f'href="/item/{item.inventory_number}/detail/1/10,20,100,50/"' in html
    assert "/10,20,100,50/max/0/default.jpg" in html  # smaller than its 160 px box: at its own size


@pytest.mark.django_db
def test_a_note_that_no_longer_fits_its_image_is_not_shown(client, item):
    item.detail_notes.add(ItemDetailNote(image_number=1, region="290,190,100,100", note="Už krašto"))
    item.detail_notes.add(ItemDetailNote(image_number=3, region="0,0,10,10", note="Nėra vaizdo"))
    item.save_revision().publish()
    html = client.get(item.url).content.decode()
    assert "Už krašto" not in html and "Nėra vaizdo" not in html
    assert 'id="notes-heading"' not in html
