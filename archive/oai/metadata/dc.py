"""oai_dc: simple Dublin Core for every item, titles and descriptions in both languages (xml:lang)."""

import xml.etree.ElementTree as ET

from django.conf import settings

from archive.catalogue.fields import OAI_DC as OAI_DC_OUTPUT
from archive.catalogue.fields import fields_for
from archive.records.record import ItemRecord

from ..elements import XML_LANG, child, schema_location
from . import MetadataFormat, alternative_titles

OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
TYPES = {
    "Photograph": {"lt": "Fotografija", "en": "Photograph"},
    "VisualArtwork": {"lt": "Dailės kūrinys", "en": "Visual artwork"},
}

# Declared item fields (archive/catalogue/fields.py) in oai_dc: per language, or once.
TRANSLATED_FIELDS = tuple(item_field for item_field in fields_for(OAI_DC_OUTPUT) if item_field.bilingual)
UNTRANSLATED_FIELDS = tuple(item_field for item_field in fields_for(OAI_DC_OUTPUT) if not item_field.bilingual)

ET.register_namespace("oai_dc", OAI_DC)
ET.register_namespace("dc", DC)


def dc(parent: ET.Element, name: str, text: str, language: str | None = None) -> None:
    if text:
        attributes = {XML_LANG: language} if language else {}
        child(parent, f"{{{DC}}}{name}", text, **attributes)


def render(records: dict[str, ItemRecord]) -> ET.Element:
    original = next(iter(records.values()))
    root = ET.Element(f"{{{OAI_DC}}}dc")
    schema_location(root, OAI_DC, "http://www.openarchives.org/OAI/2.0/oai_dc.xsd")
    for language, record in records.items():
        dc(root, "title", record.title, language)
    for alternative, language in alternative_titles(records):
        dc(root, "title", alternative, language)
    for creator in original.creators:
        dc(root, "creator" if creator.role != "restorer" else "contributor", creator.name)
    for language, record in records.items():
        for subject in record.subjects:
            dc(root, "subject", subject, language)
        for item_field in TRANSLATED_FIELDS:
            dc(root, item_field.dc, getattr(record, item_field.name), language)
    dc(root, "publisher", settings.ARCHIVE_PROVIDER_NAME)
    dc(root, "date", original.dating.edtf if original.dating else original.date_text)  # as EDM, exports, citations
    kind = "Photograph" if original.is_photograph else "VisualArtwork"
    dc(root, "type", "Image")
    for language in records:
        dc(root, "type", TYPES[kind].get(language, TYPES[kind]["en"]), language)
    for language, record in records.items():
        dc(root, "format", ", ".join(record.techniques + record.materials), language)
    for item_field in UNTRANSLATED_FIELDS:
        dc(root, item_field.dc, getattr(original, item_field.name))
    dc(root, "identifier", original.permanent_url)
    dc(root, "identifier", original.inventory_number)
    if original.collection:
        dc(root, "relation", original.collection.title, original.language)
    dc(root, "relation", original.manifest_url)
    for language, record in records.items():
        if record.place:
            dc(root, "coverage", record.place.name, language)
    dc(root, "rights", original.rights)
    dc(root, "rights", original.credit_line, original.language)
    return root


oai_dc = MetadataFormat(
    prefix="oai_dc",
    schema="http://www.openarchives.org/OAI/2.0/oai_dc.xsd",
    namespace=OAI_DC,
    render=render,
)
