"""An editor whose admin language is Lithuanian meets no English of Wagtail's on the screens a curator uses:
the dashboard's counts and search, an item's editor (autosave, the network-error dialog, the tags help,
the validation message), the page chooser, the unpublish page and the history. Wagtail's own Lithuanian
leaves these in English; archive/locale/lt/LC_MESSAGES/ translates them (djangojs.po for JavaScript)."""

import json
import re

import pytest
from wagtail.models import PageLogEntry
from wagtail.users.models import UserProfile

from tests.factories import make_item, make_member

# Wagtail's English as it reaches the page (HTML-escaped where the template escapes it), by screen.
DASHBOARD = ["Pages <span", "Images <span", "Documents <span", "created in", "Search all pages"]
EDITOR = [
    "Autosave is paused",
    "A network error occurred",
    "Troubleshoot your connection",
    "View latest version",
    "A comma-separated list of tags.",
    "Go to the first error",
]
INVALID_EDIT = ["The page could not be saved due to validation errors", "Go to the first error"]
CHOOSER = ["Only pages of type", "may be chosen for this field", "Root"]
CHOOSER_SEARCH = ["There is 1 match", "There are", "matches"]
UNPUBLISH = ["is referenced", "This įrašas"]
HISTORY = ["page log entries", "page log entry"]


@pytest.fixture
def editor(client):
    user = make_member("redaktorius", "Editors")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "lt"
    profile.save()
    client.force_login(user)
    return user


@pytest.fixture
def item(collection):
    return make_item(collection, title="Langas su vitražu")


def html_of(response) -> str:
    """The page, or the HTML a chooser answers inside JSON."""
    assert response.status_code == 200, response.status_code
    if response.headers["Content-Type"] == "application/json":
        return response.json()["html"]
    return response.content.decode()


def english_in(response, strings: list[str]) -> list[str]:
    """The strings found on the page; a string found only as a word (e.g. the root page's name) counts."""
    html = html_of(response)
    return [text for text in strings if re.search(rf"(?<![\w-]){re.escape(text)}(?![\w-])", html)]


@pytest.mark.django_db
def test_the_dashboard_counts_and_searches_in_lithuanian(client, editor, item):
    response = client.get("/admin/")
    assert english_in(response, DASHBOARD) == []
    html = html_of(response)
    assert re.search(r"\b\d+ puslapi(s|ai|ų) <span", html) and "0 vaizdų <span" in html
    assert "Ieškoti visuose puslapiuose…" in html


@pytest.mark.django_db
def test_an_items_editor_and_its_validation_message_are_lithuanian(client, editor, item):
    url = f"/admin/pages/{item.pk}/edit/"
    editing = client.get(url)
    assert english_in(editing, EDITOR) == []
    for lithuanian in ("Automatinis išsaugojimas pristabdytas", "Įvyko tinklo klaida", "Kableliais atskirtas žymų"):
        assert lithuanian in html_of(editing)
    invalid = client.post(url, {"title": ""})
    assert english_in(invalid, INVALID_EDIT) == []
    assert "Puslapio nepavyko išsaugoti" in invalid.content.decode()
    autosaved = client.post(url, {"title": ""}, headers={"accept": "application/json"})
    assert autosaved.status_code == 400
    assert autosaved.json()["error_message"].startswith("Formoje yra klaidų")


@pytest.mark.django_db
def test_the_page_chooser_speaks_lithuanian(client, editor, item):
    browse = client.get("/admin/choose-page/", {"page_type": "catalogue.itempage"})
    assert english_in(browse, CHOOSER) == []
    assert "Šaknis" in html_of(browse)
    found = client.get("/admin/choose-page/search/", {"q": "vitražu", "page_type": "catalogue.itempage"})
    assert english_in(found, CHOOSER_SEARCH) == []
    assert "Rastas 1 atitikmuo" in html_of(found)


@pytest.mark.django_db
def test_unpublishing_and_the_history_are_lithuanian(client, editor, item):
    unpublish = client.get(f"/admin/pages/{item.pk}/unpublish/")
    assert english_in(unpublish, UNPUBLISH) == []
    assert "Nuorodų į šį objektą (įrašas): 0." in html_of(unpublish)
    for _ in range(5):
        PageLogEntry.objects.log_action(item, "wagtail.edit", user=editor)
    history = client.get(f"/admin/pages/{item.pk}/history/")
    assert english_in(history, HISTORY) == []
    assert "puslapio žurnalo įrašai" in history.content.decode()


@pytest.mark.django_db
def test_the_javascript_catalogue_gives_the_network_error_in_lithuanian(client, editor):
    script = client.get("/admin/jsi18n/").content.decode()
    assert f'"A network error occurred.": {json.dumps("Įvyko tinklo klaida.")}' in script
