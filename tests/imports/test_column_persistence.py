"""Every template column persists on its own: a file with the required columns plus any one column stores
exactly that value, read back through the export, and changes nothing outside that column's group.

Parametrised from the template's own column list, so a new column is covered without a new test (a
column of a new kind or vocabulary needs a sample value below)."""

import csv
import io

import pytest

from archive.catalogue.models import CollectionPage, HomePage
from archive.imports.columns import COLUMNS, REQUIRED, group_of
from archive.imports.export import items_csv
from archive.vocabularies.models import Creator, Material, Place, Technique
from tests.imports.sheets import database_state, failing, run

pytestmark = pytest.mark.django_db

# A valid value other than T-001's, by vocabulary, then by kind.
BY_VOCABULARY = {
    "creators": "second-maker:designer",
    "places": "second-place",
    "techniques": "painted-glass; second-technique",
    "materials": "glass; second-material",
    "items": "T-002",
    "collections": "antra",
    "rights": "http://creativecommons.org/licenses/by/4.0/",
}
BY_KIND = {
    "list": "Pirmas; Antras",
    "int": {"year_earliest": "1934", "year_latest": "1936"},
    "bilingual-lt": "Nauja reikšmė\n\nAntra pastraipa",
    "bilingual-en": "A new value\n\nSecond paragraph",
    "text": "1935 m.",  # also a date text the archive reads
}


def new_value(column) -> str:
    if column.vocabulary in BY_VOCABULARY:
        return BY_VOCABULARY[column.vocabulary]
    value = BY_KIND[column.kind]
    return value[column.name] if isinstance(value, dict) else value


@pytest.fixture
def second_terms(catalogue):
    HomePage.objects.get(locale__language_code="lt").add_child(instance=CollectionPage(title="Antra", slug="antra"))
    Place.objects.create(key="second-place", name="Antra vieta")
    Technique.objects.create(key="second-technique", name="Antra technika")
    Material.objects.create(key="second-material", name="Antra medžiaga")
    Creator.objects.create(key="second-maker", name="Antras kūrėjas")
    return catalogue


def exported(number: str) -> dict[str, str]:
    return next(row for row in csv.DictReader(io.StringIO(items_csv())) if row["inventory_number"] == number)


def one_column_file(folder, name: str, value: str):
    path = folder / f"{name}.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([*REQUIRED, name])
        writer.writerow(["T-001", value])
    return path


@pytest.mark.parametrize(
    "column", [column for column in COLUMNS if column.name not in REQUIRED], ids=lambda column: column.name
)
def test_one_column_is_stored_exactly_and_nothing_else_changes(second_terms, column):
    before = exported("T-001")
    value = new_value(column)
    path = one_column_file(second_terms, column.name, value)
    if column.vocabulary == "collections":  # an import never moves an item: refused, not dropped
        state = database_state()
        assert "an import does not move items" in failing(path)
        assert database_state() == state
        return
    out, _err = run(path, "--publish")
    assert f"update {column.name}" in out
    after = exported("T-001")
    assert after[column.name] == normalised_like_the_export(column, value)
    untouched = [name for name in before if name not in group_of(column.name)]
    assert {name: after[name] for name in untouched} == {name: before[name] for name in untouched}


def normalised_like_the_export(column, value: str) -> str:
    """The export lists unordered keys sorted and writes a creator with its role."""
    if column.name in ("techniques", "materials", "subjects", "related"):
        return "; ".join(sorted(part.strip() for part in value.split(";")))
    if column.kind == "list":
        return "; ".join(part.strip() for part in value.split(";"))
    return value
