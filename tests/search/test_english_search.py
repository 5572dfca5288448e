"""English visitors on both backends: subjects by their English names (vocabularies.SubjectName), Lithuanian
word forms of the names English pages keep ("Klaipėdos", "vitražai"), and "ß" read as "ss"."""

import pytest
from taggit.models import Tag
from wagtail.models import Locale, Page

from archive.catalogue.models import CollectionPage, HomePage
from archive.vocabularies.models import Place, PlaceName, SubjectName, Technique
from search.indexing import sync_changes
from search.query import SearchQuery
from search.service import run_search
from tests.factories import make_collection, make_item


def english_collection() -> CollectionPage:
    locale = Locale.objects.get_or_create(language_code="en")[0]
    home = Page.get_first_root_node().add_child(instance=HomePage(title="Archive", slug="home-en", locale=locale))
    return home.add_child(instance=CollectionPage(title="Stained glass", slug="stained-glass", locale=locale))


def tagged(collection, title: str, subjects: list[str], **fields):
    page = make_item(collection, title=title, **fields)
    page.subjects.add(*subjects)
    page.save_revision().publish()
    return page


@pytest.fixture
def pages(home, backend):
    glass = Technique.objects.create(key="vitrazas", name="vitražas", name_en="stained glass")
    klaipeda = Place.objects.create(key="klaipeda", name="Klaipėda", name_en="Klaipėda")
    libau = Place.objects.create(key="liepu", name="Liepų gatvė", name_en="Liepų Street")
    PlaceName.objects.create(place=libau, name="Libauer Straße", language="de", to_year=1945)
    lithuanian = make_collection(home, title="Vitražai", slug="vitrazai")
    sea_lt = tagged(lithuanian, "Langas su burlaiviu", ["jūra"], inventory_number="E-1", place=klaipeda)
    english = english_collection()
    sea_en = tagged(
        english, "Window with a sailing boat", ["jūra"], inventory_number="E-1", place=klaipeda, techniques=[glass]
    )
    street_en = tagged(english, "Shop window", ["prekyba"], inventory_number="E-2", place=libau)
    harbour_en = tagged(english, "Harbour gate of Alte Strasse", ["uostas"], inventory_number="E-3")
    SubjectName.objects.create(tag=Tag.objects.get(name="jūra"), name_en="sea")
    for page in (sea_lt, sea_en):  # the English name given after the items were indexed, as a curator would
        page.save_revision().publish()
    sync_changes()
    return {"sea_lt": sea_lt, "sea_en": sea_en, "street_en": street_en, "harbour_en": harbour_en}


def found(text: str, language: str) -> set[str]:
    return {item.page.title for item in run_search(SearchQuery(text=text, language=language)).items}


def test_english_search_finds_a_subject_by_its_english_name(pages):
    assert found("sea", "en") == {"Window with a sailing boat"}
    assert found("jūra", "lt") == {"Langas su burlaiviu"}


def test_english_facets_name_subjects_in_english(pages):
    facets = run_search(SearchQuery(text="sea", language="en")).facets
    subject = next(facet for facet in facets if facet.name == "subject")
    assert [value.label for value in subject.values] == ["sea"]
    facets = run_search(SearchQuery(text="jūra", language="lt")).facets
    assert [value.label for value in next(f for f in facets if f.name == "subject").values] == ["jūra"]


@pytest.mark.parametrize("text", ["Klaipėdos", "Klaipedos", "vitražai", "vitrazu", "jūros"])
def test_english_search_finds_lithuanian_word_forms(pages, text):
    assert found(text, "en") == {"Window with a sailing boat"}


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Libauer Strasse", "Shop window"),
        ("Libauer Straße", "Shop window"),
        ("Alte Straße", "Harbour gate of Alte Strasse"),
        ("Alte Strasse", "Harbour gate of Alte Strasse"),
    ],
)
def test_sharp_s_and_ss_find_each_other(pages, text, title):
    assert found(text, "en") == {title}
