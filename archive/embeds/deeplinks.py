"""Where a viewer opens: `?xywh=` regions and IIIF Content State (`?iiif-content=`) decoded to a view.

Content State 1.0 (https://iiif.io/api/content-state/1.0/): the parameter is base64url-encoded UTF-8
JSON, padding removed, whose target is a canvas (optionally `#xywh=`) of one of our manifests. We never
dereference URLs given as content state: only the encoded form is accepted.
"""

import base64
import binascii
import json
import re
from dataclasses import dataclass

from django.conf import settings

from archive.catalogue.identifiers import INVENTORY_PATTERN
from archive.catalogue.regions import Region, RegionError, parse_region

MAX_CONTENT_STATE_CHARS = 8000
_XYWH_RE = re.compile(r"(?:pixel:)?(\d{1,9}),(\d{1,9}),(\d{1,9}),(\d{1,9})")


class DeepLinkError(ValueError):
    """The link cannot be followed; the message says why, for a 400 answer."""


@dataclass(frozen=True)
class View:
    """What a content state asks for: an item, one of its canvases (1-based) and maybe a region."""

    inventory_number: str
    canvas: int = 1
    region: Region | None = None


def parse_xywh(text: str) -> Region:
    if not _XYWH_RE.fullmatch(text.strip()):
        raise DeepLinkError("xywh must be four whole numbers: x,y,w,h")
    try:
        return parse_region(text.strip().removeprefix("pixel:"))
    except RegionError as error:
        raise DeepLinkError(f"xywh: {error}") from error


def decode_content_state(encoded: str) -> dict:
    if not encoded or len(encoded) > MAX_CONTENT_STATE_CHARS:
        raise DeepLinkError("iiif-content is empty or too long")
    if not re.fullmatch(r"[A-Za-z0-9_-]+={0,2}", encoded):
        raise DeepLinkError("iiif-content must be base64url-encoded JSON")
    try:
        raw = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
        document = json.loads(raw.decode("utf-8"))
    except (binascii.Error, UnicodeDecodeError, ValueError) as error:
        raise DeepLinkError("iiif-content is not base64url-encoded JSON") from error
    if not isinstance(document, dict):
        raise DeepLinkError("iiif-content must be a JSON object")
    return document


def view_from_content_state(encoded: str) -> View:
    return view_from_document(decode_content_state(encoded))


def view_from_document(document: dict) -> View:
    """The view of an Annotation with motivation contentState, or of its bare target."""
    target = document.get("target", document) if document.get("type") == "Annotation" else document
    if isinstance(target, list):
        if len(target) != 1:
            raise DeepLinkError("iiif-content must target exactly one resource")
        target = target[0]
    target_id, region = target_id_and_region(target)
    return view_from_id(target_id, region)


def target_id_and_region(target) -> tuple[str, Region | None]:
    if isinstance(target, str):
        return split_fragment(target)
    if not isinstance(target, dict):
        raise DeepLinkError("iiif-content target must be an object or a URI")
    if target.get("type") == "SpecificResource":
        source = target.get("source")
        source_id = source.get("id") if isinstance(source, dict) else source
        if not isinstance(source_id, str):
            raise DeepLinkError("iiif-content SpecificResource needs a source")
        return source_id, selector_region(target.get("selector"))
    if not isinstance(target.get("id"), str):
        raise DeepLinkError("iiif-content target needs an id")
    return split_fragment(target["id"])


def selector_region(selector) -> Region | None:
    if selector is None:
        return None
    if isinstance(selector, list) and len(selector) == 1:
        selector = selector[0]
    value = selector.get("value", "") if isinstance(selector, dict) else ""
    if not (
        isinstance(selector, dict)
        and selector.get("type") == "FragmentSelector"
        and isinstance(value, str)
        and value.startswith("xywh=")
    ):
        raise DeepLinkError("only FragmentSelector xywh= selectors are supported")
    return parse_xywh(value.removeprefix("xywh="))


def split_fragment(uri: str) -> tuple[str, Region | None]:
    base, _, fragment = uri.partition("#")
    if not fragment:
        return base, None
    if not fragment.startswith("xywh="):
        raise DeepLinkError("only #xywh= fragments are supported")
    return base, parse_xywh(fragment.removeprefix("xywh="))


def view_from_id(resource_id: str, region: Region | None) -> View:
    manifests = re.escape(f"{settings.PUBLIC_BASE_URL}/iiif/manifest/")
    match = re.fullmatch(rf"{manifests}(?P<inv>{INVENTORY_PATTERN})(?:/canvas/(?P<canvas>\d{{1,4}}))?", resource_id)
    if not match:
        raise DeepLinkError("iiif-content does not point at a manifest or canvas of this archive")
    if match["canvas"] is None and region is not None:
        raise DeepLinkError("a region needs a canvas, not a whole manifest")
    canvas = int(match["canvas"] or 1)
    if canvas < 1:
        raise DeepLinkError("canvas numbers start at 1")
    return View(match["inv"], canvas, region)


def encode_content_state(document: dict) -> str:
    """The `iiif-content` value for a document (links we print, and tests)."""
    raw = json.dumps(document, separators=(",", ":"), ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")
