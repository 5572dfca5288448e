"""A small, valid seed folder in the format of collections/, for loader tests to copy and break."""

import io
from pathlib import Path

import pytest
import yaml
from django.core.management import CommandError, call_command

from tests.factories import jpeg_bytes


def item(number: str, **overrides) -> dict:
    record = {
        "inventory_number": number,
        "title": {"lt": f"Vitražas {number}", "en": f"Stained glass {number}"},
        "creators": [{"creator": "sample-workshop", "role": "workshop"}],
        "date": {"text": "apie 1935 m.", "text_en": "c. 1935", "earliest": 1933, "latest": 1937},
        "place": "sample-church",
        "techniques": ["painted-glass"],
        "materials": ["glass"],
        "description": {"lt": "Pavyzdinis aprašas.\n\nAntra pastraipa.", "en": "Sample description."},
        "subjects": ["jūra", "ornamentas"],
        "images": [
            {
                "file": f"images/{number}-1.jpg",
                "alt": {"lt": "Langas", "en": "A window"},
                "caption": {"lt": "Bendras vaizdas", "en": "General view"},
            }
        ],
    }
    record.update(overrides)
    return record


def write_seed_tree(root: Path, items: list[dict] | None = None, collection: dict | None = None) -> Path:
    items = items if items is not None else [item("T-001"), item("T-002", related=["T-001"])]
    write(
        root / "vocabularies.yaml",
        {
            "techniques": [{"key": "painted-glass", "lt": "tapyba ant stiklo", "en": "glass painting"}],
            "materials": [{"key": "glass", "lt": "stiklas", "en": "glass"}],
        },
    )
    write(
        root / "creators.yaml",
        {
            "creators": [
                {
                    "key": "sample-workshop",
                    "name": "Pavyzdinė dirbtuvė (pavyzdys)",
                    "name_en": "Sample workshop",
                    "kind": "workshop",
                },
            ]
        },
    )
    write(
        root / "places.yaml",
        {
            "places": [
                {
                    "key": "sample-church",
                    "name": "Pavyzdinė bažnyčia",
                    "address": "Liepų g. 1, Klaipėda",
                    "latitude": 55.71,
                    "longitude": 21.13,
                    "status": "existing",
                },
            ]
        },
    )
    folder = root / "vitrazai"
    (folder / "images").mkdir(parents=True, exist_ok=True)
    write(
        folder / "collection.yaml",
        collection
        or {
            "slug": "vitrazai",
            "order": 1,
            "sample": True,
            "title": {"lt": "Vitražai", "en": "Stained glass"},
            "default_rights": "http://rightsstatements.org/vocab/InC-EDU/1.0/",
        },
    )
    write(folder / "items.yaml", {"items": items})
    for record in items:
        for entry in record.get("images", []):
            path = folder / entry["file"]
            if not path.exists():
                path.write_bytes(jpeg_bytes(80, 60))
    return root


def write(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def load(folder) -> str:
    out = io.StringIO()
    call_command("load_collections", str(folder), stdout=out, stderr=io.StringIO())
    return out.getvalue()


def failed_load(folder) -> str:
    err = io.StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("load_collections", str(folder), stdout=io.StringIO(), stderr=err)
    return f"{err.getvalue()}\n{raised.value}"
