"""schema.org JSON-LD and Open Graph tags for an item page, so search engines and shares show it well."""

import json

from django.conf import settings
from django.utils.safestring import SafeString, mark_safe

from archive.core.provider import provider_logo_url
from archive.core.site_names import site_name

from .record import ItemRecord

OG_LOCALES = {"lt": "lt_LT", "en": "en_GB"}
SHARE_IMAGE_WIDTH = 1200
DESCRIPTION_LIMIT = 300
# Escapes that keep JSON inert inside a <script> element (as Django's json_script does).
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def schema_type(record: ItemRecord) -> str:
    return "Photograph" if record.is_photograph else "VisualArtwork"


def short_description(record: ItemRecord) -> str:
    text = " ".join(record.description.split())
    if len(text) <= DESCRIPTION_LIMIT:
        return text
    return text[: DESCRIPTION_LIMIT - 1].rsplit(" ", 1)[0] + "…"


def organisation() -> dict:
    return {
        "@type": "Library",
        "name": settings.ARCHIVE_PROVIDER_NAME,
        "url": settings.ARCHIVE_PROVIDER_HOMEPAGE,
        "logo": provider_logo_url(),
    }


def place_node(record: ItemRecord) -> dict | None:
    place = record.place
    if place is None:
        return None
    node = {"@type": "Place", "name": place.name}
    if place.address:
        node["address"] = place.address
    if place.latitude is not None and place.longitude is not None:
        node["geo"] = {"@type": "GeoCoordinates", "latitude": place.latitude, "longitude": place.longitude}
    return node


def share_image_url(record: ItemRecord) -> str:
    image = record.images[0]
    size = f"{SHARE_IMAGE_WIDTH}," if image.width > SHARE_IMAGE_WIDTH else "max"
    return f"{image.service_url}/full/{size}/0/default.jpg"


def json_ld(record: ItemRecord) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": schema_type(record),
        "@id": record.permanent_url,
        "url": record.permanent_url,
        "name": record.title,
        "inLanguage": record.language,
        "identifier": {"@type": "PropertyValue", "propertyID": "inventory number", "value": record.inventory_number},
        "license": record.rights,
        "provider": organisation(),
    }
    optional = {
        "alternateName": list(record.alternative_titles),
        "description": record.description,
        "creator": [
            {"@type": "Person" if creator.is_person else "Organization", "name": creator.name}
            for creator in record.creators
        ],
        # schema.org's Date is ISO 8601: EDTF level 0 is ISO 8601 ('1935', '1933/1937', '1935-05-03'); the
        # qualified and 'X' forms of level 1 are not, so the exact EDTF goes to exports and EDM instead.
        "dateCreated": record.dating.level_0 if record.dating else "",
        "temporalCoverage": record.date_text,
        "artform": ", ".join(record.techniques),
        "artMedium": ", ".join(record.materials),
        "keywords": ", ".join(record.subjects),
        "creditText": record.credit_line,
        "contentLocation": place_node(record),
        "isPartOf": ({"@type": "Collection", "name": record.collection.title} if record.collection else None),
        "subjectOf": (
            {
                "@type": "CreativeWork",
                "url": record.manifest_url,
                "encodingFormat": "application/ld+json",
                "name": "IIIF Manifest",
            }
            if record.manifest_url
            else None
        ),
        "image": (
            [
                {
                    "@type": "ImageObject",
                    "contentUrl": share_image_url(record),
                    "width": record.images[0].width,
                    "height": record.images[0].height,
                }
            ]
            if record.images
            else None
        ),
    }
    data.update({key: value for key, value in optional.items() if value})
    return data


def json_ld_script_body(record: ItemRecord) -> SafeString:
    """The JSON-LD text, escaped so that no value can close the <script> element it goes in."""
    return mark_safe(json.dumps(json_ld(record), ensure_ascii=False).translate(SCRIPT_ESCAPES))  # noqa: S308


def open_graph(record: ItemRecord, alternate_languages: list[str]) -> list[tuple[str, str]]:
    """(property, content) pairs for <meta property=... content=...>; the template escapes them."""
    tags = [
        ("og:type", "website"),
        ("og:title", record.title),
        ("og:url", record.permanent_url),
        ("og:site_name", site_name(record.language)),
        ("og:locale", OG_LOCALES.get(record.language, record.language)),
    ]
    tags += [("og:locale:alternate", OG_LOCALES.get(code, code)) for code in alternate_languages]
    if record.description:
        tags.append(("og:description", short_description(record)))
    if record.images:
        image = record.images[0]
        tags += [("og:image", share_image_url(record)), ("og:image:type", "image/jpeg")]
        if image.alt_text:
            tags.append(("og:image:alt", image.alt_text))
        tags.append(("twitter:card", "summary_large_image"))
    else:
        tags.append(("twitter:card", "summary"))
    return tags
