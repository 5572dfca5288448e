"""The project's licence: EUPL-1.2, named in pyproject.toml and given in full in LICENSE."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_pyproject_names_the_licence_and_its_file():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["license"] == "EUPL-1.2" and project["license-files"] == ["LICENSE"]


def test_license_is_the_whole_eupl_1_2():
    text = (ROOT / "LICENSE").read_text()
    assert text.startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2\nEUPL © the European Union 2007, 2016\n")
    articles = [int(number) for number in re.findall(r"^(\d+)\.\s?[A-Z]", text, re.M)]
    assert articles == list(range(1, 16)), articles
    assert "‘Compatible Licences’ according to Article 5 EUPL are:" in text
