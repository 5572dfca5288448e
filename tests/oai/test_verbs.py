import pytest
from wagtail.models import Locale

from archive.oai.models import ItemChange

from .builders import NS, error_code, oai_get, publish

ID = "oai:archive.example:{}"
pytestmark = pytest.mark.django_db


def identifiers(root) -> list[str]:
    return [element.text for element in root.iterfind(".//oai:header/oai:identifier", NS)]


def test_identify_describes_the_repository(client, harvestable):
    root = oai_get(client, verb="Identify")
    identify = root.find("oai:Identify", NS)
    assert identify.findtext("oai:baseURL", namespaces=NS) == "http://127.0.0.1:8000/oai"
    assert identify.findtext("oai:protocolVersion", namespaces=NS) == "2.0"
    assert identify.findtext("oai:deletedRecord", namespaces=NS) == "persistent"
    assert identify.findtext("oai:granularity", namespaces=NS) == "YYYY-MM-DDThh:mm:ssZ"
    assert identify.findtext("oai:earliestDatestamp", namespaces=NS).endswith("Z")
    assert root.find("oai:request", NS).get("verb") == "Identify"


def test_list_metadata_formats_offers_oai_dc_and_edm(client, harvestable):
    root = oai_get(client, verb="ListMetadataFormats", identifier=ID.format("H-1"))
    assert [e.text for e in root.iterfind(".//oai:metadataPrefix", NS)] == ["oai_dc", "edm"]


def test_list_sets_names_the_collections(client, harvestable):
    root = oai_get(client, verb="ListSets")
    assert [e.text for e in root.iterfind(".//oai:setSpec", NS)] == ["vitrazai"]
    assert root.findtext(".//oai:setName", namespaces=NS) == "Vitražai"


def test_get_record_has_dublin_core_in_both_languages(client, harvestable):
    english = harvestable[0].copy_for_translation(
        Locale.objects.get_or_create(language_code="en")[0], copy_parents=True
    )
    english.title = "Window 1"
    publish(english)
    root = oai_get(client, verb="GetRecord", identifier=ID.format("H-1"), metadataPrefix="oai_dc")
    dc = root.find(".//oai_dc:dc", NS)
    titles = {e.get("{http://www.w3.org/XML/1998/namespace}lang"): e.text for e in dc.iterfind("dc:title", NS)}
    assert titles == {"lt": "Langas 1", "en": "Window 1"}
    assert "http://127.0.0.1:8000/item/H-1/" in [e.text for e in dc.iterfind("dc:identifier", NS)]
    assert dc.findtext("dc:rights", namespaces=NS) == "http://rightsstatements.org/vocab/InC/1.0/"
    assert root.find(".//oai:header/oai:setSpec", NS).text == "vitrazai"


def test_unpublished_items_are_reported_deleted(client, harvestable):
    root = oai_get(client, verb="GetRecord", identifier=ID.format("H-3"), metadataPrefix="oai_dc")
    assert root.find(".//oai:header", NS).get("status") == "deleted"
    assert root.find(".//oai:metadata", NS) is None


def test_list_identifiers_lists_each_item_once_with_deletions(client, harvestable):
    root = oai_get(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    assert identifiers(root) == [ID.format("H-1"), ID.format("H-2"), ID.format("H-3")]
    statuses = [header.get("status") for header in root.iterfind(".//oai:header", NS)]
    assert statuses == [None, None, "deleted"]


def test_from_and_until_select_by_datestamp(client, harvestable):
    ItemChange.objects.filter(inventory_number="H-1").update(timestamp="2020-01-01T10:00:00Z")
    root = oai_get(client, verb="ListIdentifiers", metadataPrefix="oai_dc", until="2020-01-01")
    assert identifiers(root) == [ID.format("H-1")]
    root = oai_get(client, verb="ListIdentifiers", metadataPrefix="oai_dc", **{"from": "2020-01-01T10:00:01Z"})
    assert ID.format("H-1") not in identifiers(root) and ID.format("H-2") in identifiers(root)


def test_resumption_tokens_page_through_the_list(client, harvestable, settings):
    settings.OAI_PAGE_SIZE = 2
    first = oai_get(client, verb="ListRecords", metadataPrefix="oai_dc")
    token = first.find(".//oai:resumptionToken", NS)
    assert token.get("completeListSize") == "3" and token.get("cursor") == "0" and token.text
    second = oai_get(client, verb="ListRecords", resumptionToken=token.text)
    last_token = second.find(".//oai:resumptionToken", NS)
    assert last_token.text is None and last_token.get("cursor") == "2"
    assert identifiers(first) + identifiers(second) == [ID.format(f"H-{n}") for n in (1, 2, 3)]


@pytest.mark.parametrize(
    "params, code",
    [
        ({}, "badVerb"),
        ({"verb": "Harvest"}, "badVerb"),
        ({"verb": ["Identify", "Identify"]}, "badVerb"),
        ({"verb": "Identify", "set": "x"}, "badArgument"),
        ({"verb": "ListRecords"}, "badArgument"),
        ({"verb": "GetRecord", "identifier": "oai:archive.example:H-1"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2020-13-01"}, "badArgument"),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2020-01-01", "until": "2021-01-01T00:00:00Z"},
            "badArgument",
        ),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2021-01-01", "until": "2020-01-01"},
            "badArgument",
        ),
        ({"verb": "ListRecords", "metadataPrefix": ["oai_dc", "oai_dc"]}, "badArgument"),
        ({"verb": "ListRecords", "resumptionToken": "x", "metadataPrefix": "oai_dc"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "marc21"}, "cannotDisseminateFormat"),
        (
            {"verb": "GetRecord", "identifier": "oai:archive.example:H-1", "metadataPrefix": "mods"},
            "cannotDisseminateFormat",
        ),
        ({"verb": "GetRecord", "identifier": "oai:archive.example:NOPE", "metadataPrefix": "oai_dc"}, "idDoesNotExist"),
        (
            {"verb": "GetRecord", "identifier": "oai:archive.example:DRAFT-1", "metadataPrefix": "oai_dc"},
            "idDoesNotExist",
        ),
        ({"verb": "ListMetadataFormats", "identifier": "H-1"}, "idDoesNotExist"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "nothing"}, "noRecordsMatch"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2999-01-01"}, "noRecordsMatch"),
        ({"verb": "ListRecords", "resumptionToken": "forged"}, "badResumptionToken"),
        ({"verb": "ListSets", "resumptionToken": "anything"}, "badResumptionToken"),
    ],
)
def test_bad_requests_get_the_right_error_code(client, harvestable, params, code):
    root = oai_get(client, **params)
    assert error_code(root) == code
    if code in ("badVerb", "badArgument"):
        assert root.find("oai:request", NS).attrib == {}


def test_tampered_token_is_refused(client, harvestable, settings):
    settings.OAI_PAGE_SIZE = 1
    token = oai_get(client, verb="ListIdentifiers", metadataPrefix="oai_dc").findtext(
        ".//oai:resumptionToken", namespaces=NS
    )
    tampered = token[:-2] + ("A" if token[-2] != "A" else "B") + token[-1]
    assert error_code(oai_get(client, verb="ListIdentifiers", resumptionToken=tampered)) == "badResumptionToken"
    assert error_code(oai_get(client, verb="ListRecords", resumptionToken=token)) == "badResumptionToken"


def test_post_requests_are_accepted(client, harvestable):
    response = client.post("/oai", {"verb": "Identify"})
    assert response.status_code == 200 and b"<Identify>" in response.content


@pytest.mark.parametrize(
    "argument, value",
    [
        ("from", "２０２０-01-01"),  # fullwidth digits
        ("until", "２０２０-01-01"),
        ("from", "2020-01-0١"),  # an Arabic-Indic one
        ("until", "2020-01-01T10:00:0０Z"),
        ("from", "2020-01-01\n"),
        ("until", "+2020-01-01"),
    ],
)
def test_datestamps_take_ascii_digits_only(client, harvestable, argument, value):
    root = oai_get(client, verb="ListIdentifiers", metadataPrefix="oai_dc", **{argument: value})
    assert error_code(root) == "badArgument"
    message = root.findtext("oai:error", namespaces=NS)
    assert f"'{argument}'" in message and "digits 0-9" in message


@pytest.mark.parametrize(
    "params, code",
    [
        ({"verb": "GetRecord", "identifier": "oai:archive.example:H-1\x00", "metadataPrefix": "oai_dc"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "vitrazai\x1b"}, "badArgument"),
        ({"verb": "ListRecords", "resumptionToken": "２０２０"}, "badResumptionToken"),
        ({"verb": "ListRecords", "resumptionToken": "x:1:２"}, "badResumptionToken"),
    ],
)
def test_control_characters_and_foreign_digits_get_an_oai_error_in_well_formed_xml(client, harvestable, params, code):
    assert error_code(oai_get(client, **params)) == code
