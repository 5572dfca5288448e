"""Every package the running code imports is a runtime dependency of pyproject.toml, not something another
package happens to bring (Wagtail's openpyxl, boto3's botocore); test tools stay out of the runtime code."""

import ast
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
RUNTIME_CODE = ["archive", "media", "search", "gunicorn.conf.py", "manage.py"]
FIRST_PARTY = {"archive", "media", "search"}


def imported_modules(paths: list[Path]) -> dict[str, Path]:
    """Top-level name of every absolute import -> the first file importing it."""
    found = {}
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name.split(".")[0], path)
    return found


def runtime_files() -> list[Path]:
    files = []
    for name in RUNTIME_CODE:
        path = ROOT / name
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return files


def declared(extra: str | None = None) -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    texts = project["dependencies"] if extra is None else project["optional-dependencies"][extra]
    return {canonicalize_name(Requirement(text).name) for text in texts}


def third_party(modules: dict[str, Path]) -> dict[str, tuple[set[str], Path]]:
    """Module -> (the distributions installing it, where it is imported), leaving out stdlib and our own."""
    providers = packages_distributions()
    return {
        module: ({canonicalize_name(name) for name in providers.get(module, [])}, path)
        for module, path in modules.items()
        if module not in sys.stdlib_module_names and module not in FIRST_PARTY
    }


def test_every_package_the_runtime_code_imports_is_declared():
    runtime = declared()
    undeclared = {
        module: f"{path.relative_to(ROOT)} (from {', '.join(sorted(dists)) or 'nothing installed'})"
        for module, (dists, path) in third_party(imported_modules(runtime_files())).items()
        if not dists & runtime
    }
    assert not undeclared, f"imported but not in pyproject's dependencies: {undeclared}"


def test_the_runtime_code_imports_no_test_or_dev_tool():
    tools = (declared("test") | declared("dev")) - declared()
    used = {
        module: str(path.relative_to(ROOT))
        for module, (dists, path) in third_party(imported_modules(runtime_files())).items()
        if dists & tools
    }
    assert not used, f"runtime code imports a test or dev tool: {used}"


def test_the_check_sees_a_missing_declaration(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("import os\nfrom openpyxl import load_workbook\nfrom archive.core import logging\n")
    modules = third_party(imported_modules([sample]))
    assert set(modules) == {"openpyxl"} and "openpyxl" in modules["openpyxl"][0]
