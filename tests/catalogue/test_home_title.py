"""The home page's <title> names the site once, in the page's language (the seeded home is titled with the
site's name: "Klaipėda heritage archive · Klaipėda heritage archive" was shown)."""

import re
from html import unescape

import pytest
from wagtail.models import Locale

pytestmark = pytest.mark.django_db


def title_of(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return unescape(re.search(r"<title>(.*?)</title>", response.content.decode(), re.S)[1]).strip()


@pytest.fixture
def homes(home):
    """The home pages as the seed loader writes them (archive/catalogue/seed/writer.py)."""
    home.title = "Klaipėdos paveldo archyvas"
    home.save_revision().publish()
    english = home.copy_for_translation(Locale.objects.get_or_create(language_code="en")[0])
    english.title = "Klaipėda heritage archive"
    english.save_revision().publish()
    return home, english


def test_home_titles_name_the_site_once_in_each_language(client, homes):
    assert title_of(client, "/") == "Klaipėdos paveldo archyvas"
    assert title_of(client, "/en/") == "Klaipėda heritage archive"


def test_a_home_titled_otherwise_keeps_its_title_before_the_site_name(client, homes):
    home, english = homes
    english.title = "Welcome"
    english.save_revision().publish()
    assert title_of(client, "/en/") == "Welcome · Klaipėda heritage archive"
    assert title_of(client, "/") == "Klaipėdos paveldo archyvas"
