"""Subjects in English: the seed's `subjects:` pairs become SubjectName rows, and English pages, citations and
the English JSON API name a subject in English (falling back to its Lithuanian name); Lithuanian ones do not."""

import re

import pytest
from django.conf import settings
from taggit.models import Tag

from archive.vocabularies.models import SubjectName
from tests.catalogue.seed_tree import failed_load, load, write, write_seed_tree

SUBJECTS = [{"lt": "jūra", "en": "sea"}]


def with_subjects(root, subjects) -> None:
    write(
        root / "vocabularies.yaml",
        {
            "techniques": [{"key": "painted-glass", "lt": "tapyba ant stiklo", "en": "glass painting"}],
            "materials": [{"key": "glass", "lt": "stiklas", "en": "glass"}],
            "subjects": subjects,
        },
    )


@pytest.fixture
def loaded(tmp_path, db):
    root = write_seed_tree(tmp_path)
    with_subjects(root, SUBJECTS)
    load(root)
    return root


def subjects_shown(html: str) -> str:
    return re.search(r"<dt>(?:Subjects|Temos)</dt><dd>([^<]*)</dd>", html).group(1)


def test_the_loader_names_subjects_in_english_once(loaded):
    load(loaded)
    assert list(SubjectName.objects.values_list("tag__name", "name_en")) == [("jūra", "sea")]


def test_a_subject_without_its_english_name_is_refused(tmp_path, db):
    root = write_seed_tree(tmp_path)
    with_subjects(root, [{"lt": "jūra"}])
    assert "vocabularies.yaml: subjects 1: en: is required" in failed_load(root)


def test_pages_name_subjects_in_their_language(client, loaded):
    english = client.get("/en/item/T-001/", follow=True).content.decode()
    lithuanian = client.get("/item/T-001/", follow=True).content.decode()
    assert subjects_shown(english) == "sea, ornamentas"
    assert subjects_shown(lithuanian) == "jūra, ornamentas"


def test_english_citations_use_english_subjects_and_the_library_s_english_name(client, loaded):
    english = client.get("/en/item/T-001/cite.bib").content.decode()
    lithuanian = client.get("/item/T-001/cite.bib").content.decode()
    assert "keywords = {sea, ornamentas}" in english
    assert "organization = {Klaipėda Municipal Public Library}" in english
    assert "keywords = {jūra, ornamentas}" in lithuanian
    assert f"organization = {{{settings.ARCHIVE_PROVIDER_NAME}}}" in lithuanian
    assert "KW  - sea" in client.get("/en/item/T-001/cite.ris").content.decode()


def test_the_english_api_finds_and_labels_subjects_in_english(client, loaded):
    tag = Tag.objects.get(name="jūra")
    english = client.get("/api/search/", {"q": "sea", "lang": "en"}).json()
    assert {result["inventory_number"] for result in english["results"]} == {"T-001", "T-002"}
    assert {"value": tag.slug, "label": "sea", "count": 2} in english["facets"]["subject"]
    lithuanian = client.get("/api/search/", {"q": "jūra", "lang": "lt"}).json()
    assert {"value": tag.slug, "label": "jūra", "count": 2} in lithuanian["facets"]["subject"]
