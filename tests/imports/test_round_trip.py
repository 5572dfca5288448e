"""Property: import random rows, export every item, import the export: every row is "unchanged", for the
imported items (drafts or published) and for the seed loader's items alike."""

import csv
import io
import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.imports.export import items_csv
from archive.imports.permissions import Importer
from archive.imports.plan import plan_import
from archive.imports.table import read_table
from tests.imports.sheets import csv_text, run

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

numbers = itertools.count(1)
# Any printable text (Lithuanian letters, quotes, delimiters, "=formulas", HTML) and line breaks; control
# characters are refused by the importer, and ";" separates list entries.
TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs"), whitelist_characters="\n"), max_size=60)
WORD = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters=";\n"), min_size=1, max_size=30
).filter(lambda word: word.strip())
TITLE = WORD.map(lambda word: word.strip()[:200])


@st.composite
def item_rows(draw) -> dict:
    earliest = draw(st.integers(1000, 2000))
    return {
        "inventory_number": f"R-{next(numbers)}",
        "collection": "vitrazai",
        "title_lt": draw(TITLE),
        "title_en": draw(st.one_of(st.just(""), TITLE)),
        "alternative_titles": "; ".join(draw(st.lists(WORD, max_size=3))),
        "creators": draw(st.sampled_from(["", "sample-workshop:workshop", "sample-workshop"])),
        "date_text": draw(st.sampled_from(["", "1936 m.", "XIX a. pab.", "apie 1935 m."])),
        "year_earliest": "",
        "year_latest": "",
        "place": draw(st.sampled_from(["", "sample-church"])),
        "techniques": draw(st.sampled_from(["", "painted-glass"])),
        "dimensions": draw(TEXT).replace("\n", " ")[:200],
        "description_lt": draw(TEXT),
        "description_en": draw(TEXT),
        "inscriptions": draw(TEXT),
        "provenance_lt": draw(TEXT),
        "subjects": "; ".join(draw(st.lists(WORD.map(lambda word: word[:100]), max_size=3))),
        "credit_line_lt": draw(TEXT).replace("\n", " ")[:300],
        "related": draw(st.sampled_from(["", "T-001", "T-001; T-002"])),
    } | draw(st.sampled_from([{}, {"year_earliest": str(earliest), "year_latest": str(earliest + 5)}]))


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(rows=st.lists(item_rows(), min_size=1, max_size=3), publish=st.booleans())
def test_an_exported_catalogue_imports_back_unchanged(catalogue, rows, publish):
    path = catalogue / "random.csv"
    path.write_text(csv_text(rows, header=list(rows[0])), encoding="utf-8")
    run(path, *(["--publish"] if publish else []))
    exported = items_csv().encode()
    plan = plan_import(read_table(exported, "export.csv"), "export.csv", Importer())
    assert not plan.has_errors, [str(problem) for row in plan.rows for problem in row.problems]
    changed = {row.inventory_number: row.changes for row in plan.rows if row.action != "unchanged"}
    assert changed == {}
    assert len(plan.rows) == len(list(csv.DictReader(io.StringIO(exported.decode())))) >= 2
