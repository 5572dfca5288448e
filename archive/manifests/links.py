"""What a manifest links to besides its images: machine-readable records (seeAlso) and the provider's logo."""

import mimetypes
from urllib.parse import urlencode

from django.conf import settings
from iiif_prezi3 import AnnotationBody

from archive.core.provider import provider_logo_url
from archive.oai.metadata import metadata_formats
from archive.oai.metadata.edm import EDM
from archive.oai.repository import oai_identifier

from .languages import fixed

SCHEMA_ORG_PROFILE = "https://schema.org/"
CSL_PROFILE = "https://citationstyles.org/"


def see_also(inventory_number: str) -> list[dict]:
    """The item's record as schema.org JSON-LD and CSL-JSON, and as EDM over OAI-PMH when EDM is offered."""
    base = settings.PUBLIC_BASE_URL
    links = [
        dataset(
            f"{base}/item/{inventory_number}/record.jsonld",
            "application/ld+json",
            SCHEMA_ORG_PROFILE,
            fixed("Įrašas (schema.org JSON-LD)", "Record (schema.org JSON-LD)"),
        ),
        dataset(
            f"{base}/item/{inventory_number}/cite.json",
            "application/vnd.citationstyles.csl+json",
            CSL_PROFILE,
            fixed("Citata (CSL-JSON)", "Citation (CSL-JSON)"),
        ),
    ]
    edm = metadata_formats().get("edm")
    if edm is not None:
        query = urlencode(
            {"verb": "GetRecord", "metadataPrefix": edm.prefix, "identifier": oai_identifier(inventory_number)}
        )
        links.append(
            dataset(
                f"{base}/oai?{query}",
                "text/xml",
                EDM,
                fixed("Įrašas Europeanai (EDM, OAI-PMH)", "Record for Europeana (EDM, OAI-PMH)"),
            )
        )
    return links


def dataset(url: str, media_type: str, profile: str, label: dict) -> dict:
    return {"id": url, "type": "Dataset", "format": media_type, "profile": profile, "label": label}


def provider_logo() -> AnnotationBody:
    url = provider_logo_url()
    media_type = mimetypes.guess_type(url.split("?")[0])[0] or "image/png"
    return AnnotationBody(id=url, type="Image", format=media_type)
