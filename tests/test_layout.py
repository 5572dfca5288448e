"""The suite's own layout: what tests share lives in plain modules (tests/<package>/builders.py, helpers.py,
seed_tree.py), never in a conftest.py or another test module, which pytest may import under another name."""

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def shared_imports(path: Path) -> list[str]:
    """The modules `path` imports that are a conftest.py or a test module."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.ImportFrom):
            names = [node.module or ""] + [f"{node.module or ''}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        last = {name.rsplit(".", 1)[-1] for name in names if name}
        found += sorted(name for name in last if name == "conftest" or name.startswith("test_"))
    return found


def test_no_test_imports_a_conftest_or_another_test_module():
    offenders = {
        str(path.relative_to(TESTS)): found for path in sorted(TESTS.rglob("*.py")) if (found := shared_imports(path))
    }
    assert not offenders, f"move what these import into a plain module (builders.py): {offenders}"


def test_the_check_sees_both_kinds(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("from .conftest import NS\nfrom tests.media.test_wsgi import call\nfrom .builders import x\n")
    assert shared_imports(sample) == ["conftest", "test_wsgi"]
