"""XML building blocks shared by the OAI-PMH responses and the metadata formats.

Everything goes through ElementTree, which escapes text and attributes; `clean` also removes the
control characters XML 1.0 cannot carry at all, so no catalogue text can break a response.
"""

import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime

OAI = "http://www.openarchives.org/OAI/2.0/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

ET.register_namespace("xsi", XSI)
# OAI-PMH elements are written unprefixed (the default namespace), as harvesters' examples show them.
ET.register_namespace("", OAI)


def clean(text: str) -> str:
    return NOT_XML.sub("", text)


def child(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {name: clean(value) for name, value in attributes.items()})
    if text is not None:
        element.text = clean(text)
    return element


def schema_location(element: ET.Element, namespace: str, schema: str) -> None:
    element.set(f"{{{XSI}}}schemaLocation", f"{namespace} {schema}")


def datestamp(moment: datetime) -> str:
    """UTC, second granularity: the one datestamp form this repository uses."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def to_bytes(root: ET.Element) -> bytes:
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True)
