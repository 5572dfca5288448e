"""Reading the seed files into plain records that remember which file and record they came from."""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

SHARED_FILES = ("vocabularies.yaml", "creators.yaml", "places.yaml")


@dataclass
class CollectionSource:
    folder: Path
    meta: dict[str, Any]
    items: list[dict[str, Any]]

    @property
    def meta_file(self) -> Path:
        return self.folder / "collection.yaml"

    @property
    def items_file(self) -> Path:
        return self.folder / "items.yaml"


@dataclass
class SeedSource:
    root: Path
    techniques: list[dict[str, Any]] = field(default_factory=list)
    materials: list[dict[str, Any]] = field(default_factory=list)
    subjects: list[dict[str, Any]] = field(default_factory=list)  # English names of subjects: {lt, en}
    creators: list[dict[str, Any]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    collections: list[CollectionSource] = field(default_factory=list)
    exhibitions: list[dict[str, Any]] = field(default_factory=list)  # exhibitions.yaml, optional

    def all_items(self):
        for collection in self.collections:
            for position, record in enumerate(collection.items, start=1):
                yield collection, position, record


class SourceError(Exception):
    """A seed file cannot be read at all (missing, not YAML, wrong top-level shape)."""


def read_yaml(path: Path, top_key: str | None = None) -> Any:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise SourceError(f"{path}: file is missing") from error
    except UnicodeDecodeError as error:
        raise SourceError(f"{path}: not UTF-8 text ({error.reason})") from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise SourceError(f"{path}: not valid YAML{where}: {getattr(error, 'problem', error)}") from error
    if top_key is None:
        if not isinstance(data, dict):
            raise SourceError(f"{path}: expected a mapping of fields at the top level")
        return data
    if not isinstance(data, dict) or not isinstance(data.get(top_key), list):
        raise SourceError(f"{path}: expected a top-level '{top_key}:' list")
    return data[top_key]


def read_source(root: Path) -> SeedSource:
    """Read every seed file under root; raises SourceError when a file cannot be read as YAML."""
    if not root.is_dir():
        raise SourceError(f"{root}: not a folder of collections")
    vocabularies = read_yaml(root / "vocabularies.yaml")
    source = SeedSource(
        root=root,
        techniques=list_of(vocabularies, "techniques", root / "vocabularies.yaml"),
        materials=list_of(vocabularies, "materials", root / "vocabularies.yaml"),
        subjects=list_of(vocabularies, "subjects", root / "vocabularies.yaml"),
        creators=read_yaml(root / "creators.yaml", "creators"),
        places=read_yaml(root / "places.yaml", "places"),
    )
    for folder in sorted(path.parent for path in root.glob("*/collection.yaml")):
        source.collections.append(
            CollectionSource(folder, read_yaml(folder / "collection.yaml"), read_yaml(folder / "items.yaml", "items"))
        )
    if (root / "exhibitions.yaml").exists():
        source.exhibitions = read_yaml(root / "exhibitions.yaml", "exhibitions")
    if not source.collections:
        raise SourceError(f"{root}: no collection folders (each needs a collection.yaml)")
    return source


def list_of(data: dict, key: str, path: Path) -> list:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise SourceError(f"{path}: '{key}' must be a list")
    return value
