"""archive/catalogue/identifiers.py declares the inventory number's grammar once: the model field, every
route that takes a number, the seed loader, imports, compare and deep links accept and refuse the same
numbers, and a refused number gets the same message in each (Lithuanian and English)."""

from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import Resolver404, resolve
from django.utils import translation

from archive.catalogue.identifiers import MAX_LENGTH, refusal
from archive.catalogue.models import ItemPage
from archive.catalogue.seed.validation import Checker, validate_item
from archive.embeds.deeplinks import DeepLinkError, view_from_id
from archive.embeds.views import compare_problem
from archive.imports.images import NAME_PATTERN
from archive.imports.seed_reasons import in_language

GOOD = ["KVB-VIT-001", "a.b_c-9", "x" * MAX_LENGTH]
BAD = ["bad number!", "KVB+1", "Vitražas-1", "x" * (MAX_LENGTH + 1), "KVB VIT 1"]
ROUTES = {
    "item-permalink": "/item/{}/",
    "item-cite": "/item/{}/cite.txt",
    "item-record-jsonld": "/item/{}/record.jsonld",
    "item-detail": "/item/{}/detail/1/0,0,10,10/",
    "iiif-manifest": "/iiif/manifest/{}",
    "embed-item": "/embed/item/{}/",
}
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def route_of(path: str) -> str | None:
    try:
        return resolve(path).url_name
    except Resolver404:
        return None


def model_refusal(value: str) -> str | None:
    try:
        ItemPage._meta.get_field("inventory_number").clean(value, None)
    except ValidationError as error:
        return error.messages[0]
    return None


def seed_refusal(value: str) -> str | None:
    problems = []
    collection = SimpleNamespace(folder=Path("."), meta={})
    keys = {name: set() for name in ("creators", "places", "techniques", "materials")}
    validate_item(
        {"inventory_number": value},
        collection,
        Checker(Path("items.yaml"), value, problems),
        keys,
        set(),
        {},
        partial=True,
    )
    return next((problem.reason for problem in problems if problem.field == "inventory_number"), None)


def deep_link_accepts(value: str) -> bool:
    try:
        return view_from_id(f"{settings.PUBLIC_BASE_URL}/iiif/manifest/{value}", None).inventory_number == value
    except DeepLinkError:
        return False


@pytest.mark.parametrize("number", GOOD)
def test_every_reader_accepts_a_good_number(number):
    assert model_refusal(number) is None and seed_refusal(number) is None
    assert {name: route_of(path.format(number)) for name, path in ROUTES.items()} == {name: name for name in ROUTES}
    assert compare_problem([number, "KVB-VIT-002"]) == "" and deep_link_accepts(number)
    assert NAME_PATTERN.match(f"{number[:60]}_2")["stem"] == number[:60]


@pytest.mark.parametrize("number", BAD)
def test_every_reader_refuses_a_bad_number(number):
    assert not any(route_of(path.format(number)) == name for name, path in ROUTES.items())
    assert not deep_link_accepts(number)
    assert NAME_PATTERN.match(f"{number}_2") is None or NAME_PATTERN.match(f"{number}_2")["stem"] != number


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("number", BAD)
def test_a_refused_number_gets_the_same_message_everywhere(number, language):
    with translation.override(language):
        message = refusal(number)
        assert model_refusal(number) == message
        assert in_language(seed_refusal(number)) == message
        assert compare_problem([number, "KVB-VIT-002"]) == message
    assert seed_refusal(number) == refusal(number, translated=False)  # the loader's operators read English


def test_the_message_is_translated():
    with translation.override("lt"):
        lithuanian = refusal("X+1")
    with translation.override("en"):
        english = refusal("X+1")
    assert lithuanian != english and "X+1" in lithuanian and str(MAX_LENGTH) in lithuanian
