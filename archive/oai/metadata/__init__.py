"""The registry of OAI-PMH metadata formats.

A format is a MetadataFormat value (prefix, schema, namespace and a render function); the formats on
offer are the dotted paths in settings.OAI_METADATA_FORMATS, so a second format (EDM) is one module
and one settings line, and the provider never names a format itself.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from xml.etree.ElementTree import Element

from django.conf import settings
from django.utils.module_loading import import_string

from archive.records.record import ItemRecord


@dataclass(frozen=True)
class MetadataFormat:
    prefix: str
    schema: str
    namespace: str
    # Records of one item by language code, the original (default language) first.
    render: Callable[[dict[str, ItemRecord]], Element]


@cache
def _load(paths: tuple[str, ...]) -> dict[str, MetadataFormat]:
    formats = [import_string(path) for path in paths]
    return {metadata_format.prefix: metadata_format for metadata_format in formats}


def alternative_titles(records: dict[str, ItemRecord]) -> list[tuple[str, str | None]]:
    """Each alternative title once, with its language only when just one translation has it.

    Titles carry no language of their own and a translation starts as a copy of the original's list, so a
    title every translation lists is untagged, not repeated under each language."""
    holders: dict[str, list[str]] = {}
    for language, record in records.items():
        for text in record.alternative_titles:
            holders.setdefault(text, []).append(language)
    return [(text, languages[0] if len(languages) == 1 < len(records) else None) for text, languages in holders.items()]


def metadata_formats() -> dict[str, MetadataFormat]:
    return _load(tuple(settings.OAI_METADATA_FORMATS))
