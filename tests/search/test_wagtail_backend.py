"""Wagtail's database backend is given plain terms: the admin's searches and ours cannot break FTS."""

import pytest
from wagtail.search.query import MATCH_NONE, And, MatchAll, Not, Phrase, PlainText

from search.wagtail_backend import plain_query
from tests.factories import make_image, make_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", "admin@example.org", "pw"))
    return client


def test_a_text_becomes_its_words():
    assert plain_query('a"b NEAR(c* ^d) \x00 e:f') == "a b NEAR c d e f"
    assert plain_query('" * ( )') is MATCH_NONE


def test_the_texts_inside_a_structured_query_become_their_words_and_empty_parts_go():
    plain = plain_query(And([PlainText('vitra"žas'), Phrase('"'), Not(Phrase("lan\x00gas")), MatchAll()]))
    assert isinstance(plain, And) and len(plain.subqueries) == 3
    assert plain.subqueries[0].query_string == "vitra žas"
    assert plain.subqueries[1].subquery.query_string == "lan gas"
    assert plain_query(And([Phrase('"')])) is MATCH_NONE


@pytest.mark.parametrize("text", ['"', 'Scan"', "Scan\"'of", "'\"", "Scan \x00"])
def test_the_admin_image_search_takes_any_text_and_still_finds_by_words(admin, text):
    make_image("Scan of a window")
    response = admin.get("/admin/images/", {"q": text})
    assert response.status_code == 200
    if "Scan" in text:
        assert "Scan of a window" in response.content.decode()


@pytest.mark.parametrize("text", ['"', 'Langas"', "Langas\"'", "'\"Langas"])
def test_the_admin_page_searches_take_any_text_and_still_find_by_words(admin, collection, text):
    make_item(collection, title="Langas")
    for path in (f"/admin/pages/{collection.pk}/", "/admin/pages/search/"):
        response = admin.get(path, {"q": text})
        assert response.status_code == 200
        if "Langas" in text:
            assert "Langas" in response.content.decode()
