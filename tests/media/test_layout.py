"""The rooms of media/: the Image API lives in media/iiif/, whose package docstring names every module in it,
and nothing in media/ imports the catalogue (archive/)."""

import ast
from pathlib import Path

import media.iiif

MEDIA = Path(media.iiif.__file__).resolve().parents[1]


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_media_never_imports_the_catalogue():
    offenders = {
        str(path.relative_to(MEDIA)): sorted(name for name in imported_modules(path) if name.split(".")[0] == "archive")
        for path in MEDIA.rglob("*.py")
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_the_package_docstring_names_every_module_of_the_image_api():
    modules = {path.name for path in (MEDIA / "iiif").glob("*.py") if path.name != "__init__.py"}
    assert {name for name in modules if name not in media.iiif.__doc__} == set()


def test_the_image_api_is_not_spread_over_media():
    for gone in ("views.py", "served.py", "wsgi.py", "tiff_tiles.py", "tile_files.py", "public_tiles.py"):
        assert not (MEDIA / gone).exists(), f"media/{gone} belongs in media/iiif/"
