"""EDM (Europeana Data Model) in RDF/XML: ProvidedCHO, WebResources with their IIIF service, Aggregation."""

import xml.etree.ElementTree as ET

from django.conf import settings

from archive.catalogue.fields import EDM as EDM_OUTPUT
from archive.catalogue.fields import ItemField, fields_for
from archive.records.record import ItemRecord

from ..elements import XML_LANG, child, schema_location
from . import MetadataFormat, alternative_titles

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
EDM = "http://www.europeana.eu/schemas/edm/"
ORE = "http://www.openarchives.org/ore/terms/"
DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
WGS84 = "http://www.w3.org/2003/01/geo/wgs84_pos#"
SVCS = "http://rdfs.org/sioc/services#"
DOAP = "http://usefulinc.com/ns/doap#"
for prefix, uri in (
    ("rdf", RDF),
    ("edm", EDM),
    ("ore", ORE),
    ("dc", DC),
    ("dcterms", DCTERMS),
    ("skos", SKOS),
    ("wgs84_pos", WGS84),
    ("svcs", SVCS),
    ("doap", DOAP),
):
    ET.register_namespace(prefix, uri)

NAMESPACES = {"dc": DC, "dcterms": DCTERMS, "edm": EDM}
# Declared item fields (archive/catalogue/fields.py) in edm:ProvidedCHO: per language, or once.
TRANSLATED_FIELDS = tuple(item_field for item_field in fields_for(EDM_OUTPUT) if item_field.bilingual)
UNTRANSLATED_FIELDS = tuple(item_field for item_field in fields_for(EDM_OUTPUT) if not item_field.bilingual)

ABOUT = f"{{{RDF}}}about"
RESOURCE = f"{{{RDF}}}resource"


def literal(parent: ET.Element, namespace: str, name: str, text: str, language: str | None = None) -> None:
    if text:
        child(parent, f"{{{namespace}}}{name}", text, **({XML_LANG: language} if language else {}))


def reference(parent: ET.Element, namespace: str, name: str, uri: str) -> None:
    if uri:
        child(parent, f"{{{namespace}}}{name}", **{RESOURCE: uri})


def element(item_field: ItemField) -> tuple[str, str]:
    """The namespace and name of a declared field's element ("dcterms:extent")."""
    prefix, name = item_field.edm.split(":")
    return NAMESPACES[prefix], name


def full_image_url(service_url: str) -> str:
    return f"{service_url}/full/max/0/default.jpg"


def render(records: dict[str, ItemRecord]) -> ET.Element:
    original = next(iter(records.values()))
    base = original.permanent_url
    root = ET.Element(f"{{{RDF}}}RDF")
    schema_location(root, RDF, "http://www.europeana.eu/schemas/edm/EDM.xsd")
    cho_uri, place_uri = f"{base}#cho", f"{base}#place"
    provided_cho(root, records, cho_uri, place_uri if original.place else "")
    for image in original.images:
        web_resource(root, original, image.service_url)
    if original.place and original.place.latitude is not None:
        place(root, records, place_uri)
    aggregation(root, original, cho_uri, f"{base}#aggregation")
    return root


def provided_cho(root: ET.Element, records: dict[str, ItemRecord], cho_uri: str, place_uri: str) -> None:
    original = next(iter(records.values()))
    cho = child(root, f"{{{EDM}}}ProvidedCHO", **{ABOUT: cho_uri})
    for language, record in records.items():
        literal(cho, DC, "title", record.title, language)
        for item_field in TRANSLATED_FIELDS:
            literal(cho, *element(item_field), getattr(record, item_field.name), language)
        for subject in record.subjects:
            literal(cho, DC, "subject", subject, language)
        for medium in record.materials:
            literal(cho, DCTERMS, "medium", medium, language)
        for technique in record.techniques:
            literal(cho, DC, "format", technique, language)
    for alternative, language in alternative_titles(records):
        literal(cho, DCTERMS, "alternative", alternative, language)
    for creator in original.creators:
        literal(cho, DC, "creator" if creator.role != "restorer" else "contributor", creator.name)
    literal(cho, DC, "identifier", original.inventory_number)
    literal(cho, DC, "type", "Photograph" if original.is_photograph else "Visual artwork", "en")
    literal(cho, DCTERMS, "created", original.dating.edtf if original.dating else "")  # EDTF, which Europeana reads
    literal(cho, DC, "date", original.date_text, original.language)
    for item_field in UNTRANSLATED_FIELDS:
        literal(cho, *element(item_field), getattr(original, item_field.name))
    if original.collection:
        literal(cho, DCTERMS, "isPartOf", original.collection.title, original.language)
    reference(cho, DCTERMS, "spatial", place_uri)
    literal(cho, EDM, "type", "IMAGE")


def web_resource(root: ET.Element, original: ItemRecord, service_url: str) -> None:
    resource = child(root, f"{{{EDM}}}WebResource", **{ABOUT: full_image_url(service_url)})
    # Elements in the order of EDM.xsd's sequence (edm:WebResourceType), which validators enforce.
    reference(resource, EDM, "rights", original.rights)
    reference(resource, DCTERMS, "isReferencedBy", original.manifest_url)
    reference(resource, SVCS, "has_service", service_url)
    service = child(root, f"{{{SVCS}}}Service", **{ABOUT: service_url})
    reference(service, DCTERMS, "conformsTo", "http://iiif.io/api/image")
    reference(service, DOAP, "implements", "http://iiif.io/api/image/3/level2.json")


def place(root: ET.Element, records: dict[str, ItemRecord], place_uri: str) -> None:
    original = next(iter(records.values()))
    element = child(root, f"{{{EDM}}}Place", **{ABOUT: place_uri})
    literal(element, WGS84, "lat", f"{original.place.latitude:.6f}")
    literal(element, WGS84, "long", f"{original.place.longitude:.6f}")
    for language, record in records.items():
        if record.place:
            literal(element, SKOS, "prefLabel", record.place.name, language)
    literal(element, SKOS, "note", original.place.address)


def aggregation(root: ET.Element, original: ItemRecord, cho_uri: str, aggregation_uri: str) -> None:
    """The provider's aggregation, its elements in the order of ore:Aggregation's sequence in EDM.xsd."""
    element = child(root, f"{{{ORE}}}Aggregation", **{ABOUT: aggregation_uri})
    reference(element, EDM, "aggregatedCHO", cho_uri)
    literal(element, EDM, "dataProvider", settings.EDM_DATA_PROVIDER)
    for image in original.images[1:]:
        reference(element, EDM, "hasView", full_image_url(image.service_url))
    reference(element, EDM, "isShownAt", original.permanent_url)
    if original.images:
        first = original.images[0].service_url
        reference(element, EDM, "isShownBy", full_image_url(first))
        reference(element, EDM, "object", f"{first}/full/400,/0/default.jpg")
    literal(element, EDM, "provider", settings.EDM_PROVIDER)
    reference(element, EDM, "rights", original.rights)


edm = MetadataFormat(
    prefix="edm",
    schema="http://www.europeana.eu/schemas/edm/EDM.xsd",
    namespace=RDF,
    render=render,
)
