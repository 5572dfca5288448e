"""Every declared item field (archive/catalogue/fields.py) reaches each output it names, and no other, and the
seed loader, its validation and the spreadsheet import take it: adding a field to the declaration is enough."""

import json
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import User
from django.utils import translation

from archive.catalogue.fields import EDM, EXPORT, ITEM_FIELDS, MANIFEST, OAI_DC, OUTPUTS, RECORD, SEARCH, ItemField
from archive.catalogue.models import ItemPage
from archive.catalogue.seed.item_fields import ItemContext, apply_record, complete
from archive.catalogue.seed.source import CollectionSource
from archive.catalogue.seed.validation import Checker, validate_item
from archive.imports.columns import BY_NAME as COLUMNS
from archive.manifests.builder import item_manifest
from archive.oai.metadata.dc import render as render_dc
from archive.oai.metadata.edm import render as render_edm
from archive.records.export_formats import COLUMNS as EXPORT_COLUMNS
from archive.records.export_formats import export_row
from archive.records.record import ItemRecord, item_record
from tests.factories import make_image, make_item
from tests.imports.sheets import csv_text, run

FIELDS = [pytest.param(item_field, id=item_field.name) for item_field in ITEM_FIELDS]


def value_of(item_field: ItemField) -> str:
    return f"Zyx {item_field.name} 42"


def stored(item_field: ItemField, text: str) -> str:
    return f"<p>{text}</p>" if item_field.rich else text


def test_the_declaration_names_known_outputs_and_model_fields():
    for item_field in ITEM_FIELDS:
        assert item_field.outputs <= set(OUTPUTS), item_field.name
        ItemPage._meta.get_field(item_field.name)  # the model field exists
        assert item_field.label_in("lt") != item_field.label_in("en"), f"{item_field.name}: no Lithuanian label"
        assert bool(item_field.edm) == (EDM in item_field.outputs)
        assert bool(item_field.dc) == (OAI_DC in item_field.outputs)
        if item_field.outputs - {SEARCH}:
            assert RECORD in item_field.outputs, f"{item_field.name}: the outputs read the shared record"


@pytest.mark.django_db
@pytest.mark.parametrize("item_field", FIELDS)
def test_a_declared_field_reaches_the_outputs_it_names(collection, item_field):
    text = value_of(item_field)
    item = make_item(
        collection, inventory_number="F-1", images=[make_image()], **{item_field.name: stored(item_field, text)}
    )
    record = item_record(item)
    assert (getattr(record, item_field.name, None) == text) == (RECORD in item_field.outputs)
    with translation.override("en"):
        metadata = json.loads(item_manifest(item).json(ensure_ascii=False))["metadata"]
    pair = {"label": {"lt": [item_field.label_in("lt")], "en": [item_field.label_in("en")]}, "value": {"lt": [text]}}
    assert (pair in metadata) == (MANIFEST in item_field.outputs)
    # EDM and oai_dc may carry a field in a role of its own (the credit line in dc:rights): checked where named.
    if EDM in item_field.outputs:
        assert f'<{item_field.edm} xml:lang="lt">{text}<' in xml_text(render_edm({"lt": record})) or (
            f"<{item_field.edm}>{text}<" in xml_text(render_edm({"lt": record}))
        )
    if OAI_DC in item_field.outputs:
        assert f">{text}</dc:{item_field.dc}>" in xml_text(render_dc({"lt": record}))
    assert (export_row(record).get(item_field.name) == text) == (EXPORT in item_field.outputs)
    assert (item_field.name in EXPORT_COLUMNS) == (EXPORT in item_field.outputs)
    searched = {getattr(search_field, "field_name", None) for search_field in ItemPage.get_search_fields()}
    assert (item_field.name in searched) == (SEARCH in item_field.outputs)


def xml_text(element: ET.Element) -> str:
    return ET.tostring(element, encoding="unicode")


@pytest.mark.django_db
@pytest.mark.parametrize("item_field", FIELDS)
def test_the_seed_loader_writes_and_checks_a_declared_field(item_field, tmp_path):
    text = value_of(item_field)
    value = {"lt": text, "en": f"{text} en"} if item_field.bilingual else text
    page = ItemPage()
    apply_record(page, complete({"inventory_number": "F-1", item_field.name: value}, "x"), "en", ItemContext({}))
    assert getattr(page, item_field.name) == stored(item_field, f"{text} en" if item_field.bilingual else text)
    page = ItemPage()
    apply_record(page, complete({"inventory_number": "F-1"}, "x"), "lt", ItemContext({}))
    assert getattr(page, item_field.name) == ""  # a key removed from a seed file clears the field
    problems = []
    source = CollectionSource(tmp_path, {}, [])
    validate_item(
        {"inventory_number": "F-1", item_field.name: 5},
        source,
        Checker(tmp_path, "r", problems),
        {"creators": set(), "places": set(), "techniques": set(), "materials": set()},
        set(),
        {},
        partial=True,
    )
    assert [problem.field for problem in problems] == [item_field.name]


@pytest.mark.django_db
@pytest.mark.parametrize("item_field", FIELDS)
def test_the_import_takes_a_declared_fields_columns(collection, item_field, tmp_path):
    make_item(collection, inventory_number="F-1")
    User.objects.create_superuser("admin", "a@example.org", "pw")
    text = value_of(item_field)
    assert all(COLUMNS[column].record_key == item_field.name for column in item_field.columns)
    cells = {item_field.columns[0]: text}  # the Lithuanian column: the item has no English page
    path = tmp_path / "items.csv"
    path.write_text(csv_text([{"inventory_number": "F-1", **cells}], ["inventory_number", *cells]), encoding="utf-8")
    run(path, "--publish", "--user", "admin")
    item = ItemPage.objects.get(inventory_number="F-1", locale__language_code="lt").get_latest_revision_as_object()
    assert getattr(item, item_field.name) == stored(item_field, text)


def test_a_record_reads_declared_fields_as_attributes_only():
    record = ItemRecord(inventory_number="X", language="lt", title="t", rights="", texts={"dimensions": "2 m"})
    assert record.dimensions == "2 m"
    with pytest.raises(AttributeError):
        record.not_a_field  # noqa: B018
