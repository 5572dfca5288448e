"""The sample collections as OAI-PMH harvests them: loaded from collections/, harvested page by page.

The records are those of collections/ as they are; each image is a small stand-in JPEG of the same name,
(as large as the drawn one where notes mark regions on it), so the harvest does not
need the drawn sample images (CI never draws them) and stays quick.
"""

import io
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import yaml
from django.core.management import CommandError, call_command
from rdflib import Namespace

from tests.factories import jpeg_bytes

COLLECTIONS = Path(__file__).resolve().parents[2] / "collections"
OAI = "{http://www.openarchives.org/OAI/2.0/}"
EDM = Namespace("http://www.europeana.eu/schemas/edm/")
ORE = Namespace("http://www.openarchives.org/ore/terms/")
# What Europeana requires of every provider's ore:Aggregation.
AGGREGATION_MUSTS = (EDM.aggregatedCHO, EDM.dataProvider, EDM.isShownAt, EDM.provider, EDM.rights)


def copy_collections(target: Path) -> Path:
    """collections/ without its images, each image file replaced by a small JPEG of the same name."""
    shutil.copytree(COLLECTIONS, target, ignore=shutil.ignore_patterns("images", "*.py", "*.md"))
    highlighted = highlighted_items(target)
    for items_file in target.glob("*/items.yaml"):
        for record in yaml.safe_load(items_file.read_text(encoding="utf-8"))["items"]:
            for image in record.get("images", []):
                path = items_file.parent / image["file"]
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(jpeg_bytes(*stand_in_size(record, image, highlighted)))
    for collection in target.glob("*/collection.yaml"):
        hero = yaml.safe_load(collection.read_text(encoding="utf-8")).get("hero_image")
        if hero and not (collection.parent / hero).is_file():
            (collection.parent / hero).write_bytes(jpeg_bytes(96, 64))
    return target


def highlighted_items(root: Path) -> set[str]:
    """Inventory numbers of the items an exhibition highlights (with a region) in exhibitions.yaml."""
    path = root / "exhibitions.yaml"
    exhibitions = yaml.safe_load(path.read_text(encoding="utf-8"))["exhibitions"] if path.is_file() else []
    return {
        block["highlight"]["item"]
        for exhibition in exhibitions
        for block in exhibition["story"]
        if "highlight" in block
    }


def stand_in_size(record: dict, image: dict, highlighted: set[str] = frozenset()) -> tuple[int, int]:
    """Small, except where the record's notes or an exhibition's highlight mark regions, which must fit the
    drawn image's size."""
    if record.get("notes") or record["inventory_number"] in highlighted:
        return image["sample"]["width"], image["sample"]["height"]
    return 96, 64


def load_sample_collections(target: Path) -> None:
    errors = io.StringIO()
    try:
        call_command("load_collections", str(copy_collections(target)), stdout=io.StringIO(), stderr=errors)
    except CommandError as error:
        raise AssertionError(f"{error}\n{errors.getvalue()}") from error


def harvest(client, metadata_prefix: str) -> tuple[list[ET.Element], int]:
    """Every <record> of ListRecords, following resumption tokens; also the number of requests made."""
    records, params, requests = [], {"verb": "ListRecords", "metadataPrefix": metadata_prefix}, 0
    while True:
        response = client.get("/oai", params)
        requests += 1
        assert response.status_code == 200, response.content[:500]
        root = ET.fromstring(response.content)
        assert root.find(f"{OAI}error") is None, response.content[:500]
        listing = root.find(f"{OAI}ListRecords")
        records.extend(listing.findall(f"{OAI}record"))
        token = listing.find(f"{OAI}resumptionToken")
        if token is None or not (token.text or "").strip():
            return records, requests
        params = {"verb": "ListRecords", "resumptionToken": token.text}
