"""Curators add named events and periods in Wagtail's admin, and the parser reads them without code."""

import pytest

from archive.dating.lookup import DateParseError, parse
from archive.dating.models import NamedPeriod

ADD_URL = "/admin/snippets/dating/namedperiod/add/"


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("editor", "editor@example.org", "pw"))
    return client


@pytest.mark.django_db
def test_a_period_added_in_the_admin_is_read_by_the_parser(editor_client):
    with pytest.raises(DateParseError):
        parse("Klaipėdos sukilimas")
    response = editor_client.post(
        ADD_URL,
        {
            "name": "Klaipėdos sukilimas",
            "name_en": "Klaipėda Revolt",
            "aliases": "Klaipėdos sukilimo metu\n1923 revolt",
            "earliest": "1923",
            "latest": "1923",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    for text in ("Klaipėdos sukilimas", "klaipėda revolt", "Klaipėdos sukilimo metu", "1923 revolt"):
        assert (parse(text).earliest, parse(text).latest) == (1923, 1923)
    joined = parse("Klaipėdos sukilimas – tarpukaris")
    assert (joined.earliest, joined.latest) == (1923, 1939)


@pytest.mark.django_db
def test_the_seeded_war_reads_in_both_languages():
    for text in ("Antrasis pasaulinis karas", "Antrojo pasaulinio karo metais", "World War II", "Second World War"):
        assert (parse(text).earliest, parse(text).latest) == (1939, 1945)


@pytest.mark.django_db
def test_the_admin_refuses_a_period_that_ends_before_it_starts(editor_client):
    response = editor_client.post(ADD_URL, {"name": "Atgal", "earliest": "1945", "latest": "1939"})
    assert response.status_code == 200
    assert not NamedPeriod.objects.filter(name="Atgal").exists()


@pytest.mark.django_db
def test_the_periods_are_listed_in_the_admin(editor_client):
    html = editor_client.get("/admin/snippets/dating/namedperiod/").content.decode()
    assert "tarpukaris" in html and "Antrasis pasaulinis karas" in html
