import csv
import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from archive.catalogue.models import ItemPage
from archive.imports.columns import COLUMNS
from tests.catalogue.seed_tree import write_seed_tree
from tests.catalogue.test_load_collections import load

HEADER = ["inventory_number", "collection", "title_lt", "title_en", "creators", "date_text", "date_text_en",
          "techniques", "subjects", "rights"]


def row(number: str, **cells) -> dict:
    values = {"inventory_number": number, "collection": "vitrazai", "title_lt": f"Langas {number}",
              "title_en": f"Window {number}", "creators": "sample-workshop:workshop", "date_text": "1936 m.",
              "date_text_en": "1936", "techniques": "painted-glass", "subjects": "jūra; laivai", "rights": ""}
    values.update(cells)
    return values


def write_csv(path, rows, header=HEADER):
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)
    return path


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_items", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def failing(*args) -> str:
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("import_items", *map(str, args), stdout=out, stderr=err)
    return f"{out.getvalue()}\n{err.getvalue()}\n{raised.value}"


@pytest.fixture
def catalogue(tmp_path, db):
    load(write_seed_tree(tmp_path / "seed"))
    return tmp_path


def titles() -> dict[str, str]:
    return dict(ItemPage.objects.filter(locale__language_code="lt").values_list("inventory_number", "title"))


def test_good_file_creates_items_in_both_languages(catalogue):
    out, _err = run(write_csv(catalogue / "items.csv", [row("N-001"), row("N-002", date_text="XIX a. pab.")]))
    assert "2 create" in out
    created = ItemPage.objects.get(inventory_number="N-002", locale__language_code="lt")
    assert (created.year_earliest, created.year_latest) == (1867, 1899)
    assert created.rights == "http://rightsstatements.org/vocab/InC-EDU/1.0/"  # the collection's default
    english = ItemPage.objects.get(inventory_number="N-002", locale__language_code="en")
    assert english.title == "Window N-002"


def test_rows_update_items_by_inventory_number_and_keep_other_fields(catalogue):
    before = ItemPage.objects.get(inventory_number="T-001", locale__language_code="lt")
    path = write_csv(catalogue / "update.csv", [{"inventory_number": "T-001", "title_lt": "Naujas", "title_en": "New"}],
                     header=["inventory_number", "title_lt", "title_en"])
    out, _err = run(path)
    assert "row 2 T-001: update title_lt, title_en" in out
    after = ItemPage.objects.get(inventory_number="T-001", locale__language_code="lt")
    assert after.title == "Naujas"
    assert (after.date_text, after.year_earliest) == (before.date_text, before.year_earliest)
    assert after.images.count() == 1
    assert ItemPage.objects.filter(inventory_number="T-001").count() == 2


def test_dry_run_shows_changes_and_saves_nothing(catalogue):
    path = write_csv(catalogue / "items.csv", [row("N-001"), row("T-001", title_lt="Kitas")])
    before = titles()
    out, _err = run(path, "--dry-run")
    assert "row 2 N-001: create" in out
    assert "row 3 T-001: update" in out and "title_lt" in out
    assert "Dry run: nothing was saved." in out
    assert titles() == before


def test_unchanged_row_is_reported_and_not_rewritten(catalogue):
    path = write_csv(catalogue / "same.csv", [{"inventory_number": "T-001", "title_lt": "Vitražas T-001",
                                               "title_en": "Stained glass T-001"}],
                     header=["inventory_number", "title_lt", "title_en"])
    revisions = ItemPage.objects.get(inventory_number="T-001", locale__language_code="lt").revisions.count()
    out, _err = run(path)
    assert "row 2 T-001: unchanged" in out
    assert ItemPage.objects.get(inventory_number="T-001", locale__language_code="lt").revisions.count() == revisions


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ({"title_lt": ""}, "row 3 (N-002): title_lt: is required"),
        ({"collection": "nera"}, "row 3 (N-002): collection: no collection 'nera'"),
        ({"creators": "nobody:artist"}, "row 3 (N-002): creators: unknown creator key 'nobody'"),
        ({"creators": "sample-workshop:painter"}, "row 3 (N-002): creators: must be one of"),
        ({"date_text": "kažkada"}, "row 3 (N-002): date_text: 'kažkada' is not a date phrase"),
        ({"techniques": "welding"}, "row 3 (N-002): techniques: unknown key 'welding'"),
        ({"rights": "http://example.org/x"}, "row 3 (N-002): rights: unknown rights URI"),
        ({"inventory_number": "N-001"},
         "row 3 (N-001): inventory_number: duplicate inventory number 'N-001' (also on row 2)"),
        ({"inventory_number": "bad number!"}, "inventory_number: is required: up to 64 letters"),
    ],
    ids=["missing-title", "unknown-collection", "unknown-creator", "bad-role", "bad-date", "unknown-technique",
         "bad-rights", "duplicate-in-file", "bad-inventory"],
)
def test_each_error_kind_names_row_and_column_and_nothing_is_saved(catalogue, cells, expected):
    before = titles()
    message = failing(write_csv(catalogue / "bad.csv", [row("N-001"), row("N-002", **cells)]))
    assert expected in message
    assert "nothing was saved" in message
    assert titles() == before


def test_year_cells_must_be_years(catalogue):
    header = [*HEADER, "year_earliest", "year_latest"]
    rows = [row("N-001", year_earliest="apie", year_latest="1940")]
    message = failing(write_csv(catalogue / "bad.csv", rows, header))
    assert "row 2 (N-001): year_earliest: 'apie' is not a year" in message


def test_valid_only_imports_the_good_rows(catalogue):
    path = write_csv(catalogue / "mixed.csv", [row("N-001"), row("N-002", collection="nera"), row("N-003")])
    out, err = run(path, "--valid-only")
    assert "row 3 (N-002): collection" in err
    assert {"N-001", "N-003"} <= set(titles())
    assert "N-002" not in titles()


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (["title_lt", "title_en"], "column 'inventory_number' is required"),
        (["inventory_number", "colour"], "unknown column(s) colour"),
        (["inventory_number", "title_lt"], "column 'title_lt' needs its pair 'title_en'"),
    ],
)
def test_bad_header_is_refused(catalogue, header, expected):
    path = catalogue / "bad.csv"
    path.write_text(",".join(header) + "\n" + ",".join("x" for _ in header) + "\n", encoding="utf-8")
    assert expected in failing(path)


def test_file_that_is_not_a_spreadsheet_is_refused(catalogue):
    path = catalogue / "items.xlsx"
    path.write_bytes(b"not a zip at all")
    assert "not a readable XLSX workbook" in failing(path)
    text = catalogue / "items.csv"
    text.write_bytes("inventory_number\nN-1\n".encode("utf-16"))
    assert "not UTF-8" in failing(text)


def test_xlsx_file_imports_like_csv(catalogue):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append([row("N-010")[name] for name in HEADER])
    path = catalogue / "items.xlsx"
    workbook.save(path)
    run(path)
    assert titles()["N-010"] == "Langas N-010"


def test_template_lists_every_documented_column_and_imports_as_empty(catalogue):
    out, _err = run("--template")
    header = next(csv.reader(io.StringIO(out)))
    assert header == [column.name for column in COLUMNS]
    template = catalogue / "template.csv"
    template.write_text(out, encoding="utf-8")
    out, _err = run(template, "--dry-run")
    assert "0 rows" in out


def test_five_hundred_rows_with_errors_are_reported_precisely(catalogue):
    rows = [row(f"B-{number:03d}") for number in range(1, 501)]
    rows[99]["date_text"] = "nežinia"
    rows[349]["creators"] = "ghost:artist"
    before = titles()
    message = failing(write_csv(catalogue / "big.csv", rows))
    assert "row 101 (B-100): date_text: 'nežinia' is not a date phrase" in message
    assert "row 351 (B-350): creators: unknown creator key 'ghost'" in message
    assert "500 rows: 498 create, 0 update, 0 unchanged, 2 error" in message
    assert titles() == before
