"""oai_dc fields a researcher checked: alternative titles, the date as EDTF, Identify's sample identifier."""

import pytest
from wagtail.models import Locale

from archive.catalogue.models import ItemAlternativeTitle

from .builders import NS, oai_get, publish, published_item

pytestmark = pytest.mark.django_db
ID = "oai:archive.example:{}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EDM_NS = {"dcterms": "http://purl.org/dc/terms/"}


def translated(item, title: str):
    english = item.copy_for_translation(Locale.objects.get_or_create(language_code="en")[0], copy_parents=True)
    english.title = title
    return publish(english)


@pytest.fixture
def ships(collection):
    item = published_item(
        collection, title="Burlaiviai uoste", inventory_number="KVB-VIT-001", date_text="apie 1935 m."
    )
    item.alternative_titles = [
        ItemAlternativeTitle(text="Laiptinės langas su burlaiviais"),
        ItemAlternativeTitle(text="Stairwell window with sailing ships"),
    ]
    publish(item)
    translated(item, "Sailing ships in the harbour")
    return item


def record(client, number: str, prefix: str = "oai_dc"):
    return oai_get(client, verb="GetRecord", identifier=ID.format(number), metadataPrefix=prefix)


def test_alternative_titles_appear_once_without_a_language_they_were_not_given(client, ships):
    dc = record(client, "KVB-VIT-001").find(".//oai_dc:dc", NS)
    titles = [(element.text, element.get(XML_LANG)) for element in dc.iterfind("dc:title", NS)]
    assert titles == [
        ("Burlaiviai uoste", "lt"),
        ("Sailing ships in the harbour", "en"),
        ("Laiptinės langas su burlaiviais", None),
        ("Stairwell window with sailing ships", None),
    ]


def test_edm_alternative_titles_appear_once_too(client, ships):
    root = record(client, "KVB-VIT-001", "edm")
    alternatives = [
        (element.text, element.get(XML_LANG)) for element in root.iterfind(".//dcterms:alternative", EDM_NS)
    ]
    assert alternatives == [("Laiptinės langas su burlaiviais", None), ("Stairwell window with sailing ships", None)]


@pytest.mark.parametrize(
    ("date_text", "expected"),
    [
        ("apie 1935 m.", "1935~"),
        ("1935 m. gegužės 3 d.", "1935-05-03"),
        ("1933–1937 m.", "1933/1937"),
    ],
)
def test_dc_date_is_the_edtf_reading(client, collection, date_text, expected):
    published_item(collection, title="Langas", inventory_number="D-1", date_text=date_text)
    dc = record(client, "D-1").find(".//oai_dc:dc", NS)
    assert [element.text for element in dc.iterfind("dc:date", NS)] == [expected]


def test_an_undated_work_keeps_its_text_and_no_year_is_invented(client, collection):
    published_item(collection, title="Langas", inventory_number="D-2", date_text="nedatuota")
    dc = record(client, "D-2").find(".//oai_dc:dc", NS)
    assert [element.text for element in dc.iterfind("dc:date", NS)] == ["nedatuota"]


def test_identify_samples_an_identifier_of_a_real_record(client, collection):
    published_item(collection, title="Langas", inventory_number="KVB-VIT-007")
    sample = oai_get(client, verb="Identify").findtext(".//{*}sampleIdentifier")
    assert sample == ID.format("KVB-VIT-007")
    assert record(client, "KVB-VIT-007").find(".//oai_dc:dc", NS) is not None


def test_identify_of_an_empty_repository_samples_the_archives_numbering(client, db):
    sample = oai_get(client, verb="Identify").findtext(".//{*}sampleIdentifier")
    assert sample == ID.format("KVB-VIT-001")
