"""The six OAI-PMH verbs: each turns a checked request into its response element or raises OaiError."""

import xml.etree.ElementTree as ET

from django.conf import settings

from . import repository, tokens
from .elements import OAI, child, datestamp, schema_location
from .metadata import MetadataFormat, metadata_formats
from .protocol import OaiError, OaiRequest, date_range
from .tokens import ListQuery, Position

PROTOCOL_VERSION = "2.0"
OAI_IDENTIFIER = "http://www.openarchives.org/OAI/2.0/oai-identifier"

ET.register_namespace("oai-identifier", OAI_IDENTIFIER)


def oai(tag: str) -> str:
    return f"{{{OAI}}}{tag}"


def base_url() -> str:
    return f"{settings.PUBLIC_BASE_URL}/oai"


def identify(request: OaiRequest) -> ET.Element:
    element = ET.Element(oai("Identify"))
    child(element, oai("repositoryName"), settings.OAI_REPOSITORY_NAME)
    child(element, oai("baseURL"), base_url())
    child(element, oai("protocolVersion"), PROTOCOL_VERSION)
    for email in settings.OAI_ADMIN_EMAILS:
        child(element, oai("adminEmail"), email)
    child(element, oai("earliestDatestamp"), datestamp(repository.earliest_datestamp()))
    child(element, oai("deletedRecord"), "persistent")
    child(element, oai("granularity"), "YYYY-MM-DDThh:mm:ssZ")
    # The settings accept only a domain name here (env_domain_name), so the description is always valid.
    description = child(element, oai("description"))
    scheme = child(description, f"{{{OAI_IDENTIFIER}}}oai-identifier")
    schema_location(scheme, OAI_IDENTIFIER, "http://www.openarchives.org/OAI/2.0/oai-identifier.xsd")
    for name, text in (
        ("scheme", "oai"),
        ("repositoryIdentifier", settings.OAI_REPOSITORY_IDENTIFIER),
        ("delimiter", ":"),
        ("sampleIdentifier", repository.sample_identifier()),
    ):
        child(scheme, f"{{{OAI_IDENTIFIER}}}{name}", text)
    return element


def list_metadata_formats(request: OaiRequest) -> ET.Element:
    if "identifier" in request.arguments:
        find_change(request.arguments["identifier"])
    element = ET.Element(oai("ListMetadataFormats"))
    for metadata_format in metadata_formats().values():
        entry = child(element, oai("metadataFormat"))
        child(entry, oai("metadataPrefix"), metadata_format.prefix)
        child(entry, oai("schema"), metadata_format.schema)
        child(entry, oai("metadataNamespace"), metadata_format.namespace)
    return element


def list_sets(request: OaiRequest) -> ET.Element:
    if "resumptionToken" in request.arguments:
        raise OaiError("badResumptionToken", "The list of sets is never split, so it takes no token.")
    sets = repository.harvest_sets()
    if not sets:
        raise OaiError("noSetHierarchy", "The repository has no published collections yet.")
    element = ET.Element(oai("ListSets"))
    for spec, name in sets:
        entry = child(element, oai("set"))
        child(entry, oai("setSpec"), spec)
        child(entry, oai("setName"), name)
    return element


def get_record(request: OaiRequest) -> ET.Element:
    metadata_format = format_for(request.arguments["metadataPrefix"])
    change = find_change(request.arguments["identifier"])
    element = ET.Element(oai("GetRecord"))
    (item,) = repository.harvest_items([change])
    add_record(element, item, metadata_format)
    return element


def list_identifiers(request: OaiRequest) -> ET.Element:
    return list_items(request, with_metadata=False)


def list_records(request: OaiRequest) -> ET.Element:
    return list_items(request, with_metadata=True)


def list_items(request: OaiRequest, with_metadata: bool) -> ET.Element:
    position = start_position(request)
    metadata_format = format_for(position.query.prefix)
    changes = repository.latest_changes(position.query)
    page = list(changes.filter(id__gt=position.after_id)[: settings.OAI_PAGE_SIZE + 1])
    if not page and position.cursor == 0:
        raise OaiError("noRecordsMatch", "No records match the request.")
    has_more = len(page) > settings.OAI_PAGE_SIZE
    page = page[: settings.OAI_PAGE_SIZE]
    element = ET.Element(oai(request.verb))
    for item in repository.harvest_items(page):
        if with_metadata:
            add_record(element, item, metadata_format)
        else:
            add_header(element, item)
    if has_more or position.cursor:
        add_token(element, position, page, has_more, changes.count())
    return element


def start_position(request: OaiRequest) -> Position:
    arguments = request.arguments
    if "resumptionToken" in arguments:
        try:
            position = tokens.decode(arguments["resumptionToken"])
        except tokens.BadToken:
            raise OaiError("badResumptionToken", "The resumption token is invalid or has expired.") from None
        if position.query.verb != request.verb:
            raise OaiError("badResumptionToken", f"The resumption token is not one of {request.verb}.")
        return position
    start, until = date_range(arguments)
    query = ListQuery(request.verb, arguments["metadataPrefix"], arguments.get("set", ""), start, until)
    return Position(query)


def add_token(element: ET.Element, position: Position, page: list, has_more: bool, total: int) -> None:
    attributes = {"completeListSize": str(total), "cursor": str(position.cursor)}
    if not has_more:
        # The last part of a list: an empty token says the list is complete.
        child(element, oai("resumptionToken"), "", **attributes)
        return
    following = Position(position.query, page[-1].id, position.cursor + len(page))
    attributes["expirationDate"] = datestamp(tokens.expiration())
    child(element, oai("resumptionToken"), tokens.encode(following), **attributes)


def format_for(prefix: str) -> MetadataFormat:
    metadata_format = metadata_formats().get(prefix)
    if metadata_format is None:
        raise OaiError("cannotDisseminateFormat", f"The metadata format '{prefix}' is not supported.")
    return metadata_format


def find_change(identifier: str):
    inventory_number = repository.inventory_number_of(identifier)
    change = repository.change_of(inventory_number) if inventory_number else None
    if change is None:
        raise OaiError("idDoesNotExist", f"'{identifier}' is not an identifier of this repository.")
    return change


def add_header(parent: ET.Element, item: repository.HarvestItem) -> None:
    header = child(parent, oai("header"), **({"status": "deleted"} if item.deleted else {}))
    child(header, oai("identifier"), repository.oai_identifier(item.change.inventory_number))
    child(header, oai("datestamp"), datestamp(item.change.timestamp))
    if item.change.set_spec:
        child(header, oai("setSpec"), item.change.set_spec)


def add_record(parent: ET.Element, item: repository.HarvestItem, metadata_format: MetadataFormat) -> None:
    record = child(parent, oai("record"))
    add_header(record, item)
    if not item.deleted:
        child(record, oai("metadata")).append(metadata_format.render(item.records))


VERBS = {
    "Identify": identify,
    "ListMetadataFormats": list_metadata_formats,
    "ListSets": list_sets,
    "GetRecord": get_record,
    "ListIdentifiers": list_identifiers,
    "ListRecords": list_records,
}
