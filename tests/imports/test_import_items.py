"""import_items: rows checked first, saved as drafts for approval (or published with --publish), reported
per row; a file with errors saves nothing and exits non-zero."""

import csv
import io

import pytest
from django.core.management import call_command
from openpyxl import Workbook
from wagtail.models import ReferenceIndex, WorkflowState

from archive.catalogue.models import ItemPage
from archive.imports.columns import COLUMNS
from tests.imports.sheets import HEADER, database_state, draft, failing, item, row, run, write_csv

pytestmark = pytest.mark.django_db


def titles() -> dict[str, str]:
    return dict(ItemPage.objects.filter(locale__language_code="lt").values_list("inventory_number", "title"))


def test_good_file_creates_draft_items_in_both_languages_submitted_for_approval(catalogue):
    out, _err = run(write_csv(catalogue / "items.csv", [row("N-001"), row("N-002", date_text="XIX a. pab.")]))
    assert "2 create" in out
    assert "Imported 2 rows as drafts submitted for approval (4 pages in the workflow)" in out
    created = item("N-002")
    assert (created.year_earliest, created.year_latest) == (1867, 1899)
    assert created.rights == "http://rightsstatements.org/vocab/InC-EDU/1.0/"  # the collection's default
    assert item("N-002", "en").title == "Window N-002"
    assert not created.live and not item("N-002", "en").live
    assert created.workflow_in_progress and item("N-002", "en").workflow_in_progress
    assert (draft("N-002").title, draft("N-002", "en").title) == ("Langas N-002", "Window N-002")


def test_publish_as_the_system_publishes_at_once(catalogue):
    out, _err = run(write_csv(catalogue / "items.csv", [row("T-001", title_lt="Paskelbtas")]), "--publish")
    assert "Imported 1 rows and published them:" in out  # T-001 has an image (one without: test_terms_and_language)
    assert item("T-001").live and item("T-001", "en").live and item("T-001").title == "Paskelbtas"
    assert not item("T-001").has_unpublished_changes
    assert not WorkflowState.objects.exists()


def test_rows_update_drafts_by_inventory_number_and_keep_other_fields(catalogue):
    before = item("T-001")
    path = write_csv(
        catalogue / "update.csv",
        [{"inventory_number": "T-001", "title_lt": "Naujas", "title_en": "New"}],
        header=["inventory_number", "title_lt", "title_en"],
    )
    out, _err = run(path)
    assert "row 2 T-001: update title_lt, title_en" in out
    assert item("T-001").title == "Vitražas T-001"  # the live version waits for approval
    after = draft("T-001")
    assert (after.title, draft("T-001", "en").title) == ("Naujas", "New")
    assert (after.date_text, after.year_earliest) == (before.date_text, before.year_earliest)
    assert len(after.images.all()) == 1
    assert ItemPage.objects.filter(inventory_number="T-001").count() == 2


def test_dry_run_shows_changes_and_saves_nothing(catalogue):
    path = write_csv(catalogue / "items.csv", [row("N-001"), row("T-001", title_lt="Kitas")])
    before = database_state()
    out, _err = run(path, "--dry-run")
    assert "row 2 N-001: create" in out
    assert "row 3 T-001: update" in out and "title_lt" in out
    assert "Dry run: nothing was saved." in out
    assert database_state() == before


def test_dry_run_with_errors_exits_non_zero_naming_the_count(catalogue):
    path = write_csv(
        catalogue / "items.csv", [row("N-001"), row("N-002", collection="nera"), row("N-003", title_lt="")]
    )
    before = database_state()
    message = failing(path, "--dry-run", returncode=1)
    assert "Dry run: 2 of 3 rows have errors; nothing was saved." in message
    assert database_state() == before


def test_import_with_errors_exits_non_zero_and_writes_nothing(catalogue):
    path = write_csv(catalogue / "items.csv", [row("N-001"), row("N-002", collection="nera")])
    before = database_state()
    message = failing(path, returncode=1)
    assert "1 rows have errors; nothing was saved" in message
    assert database_state() == before


def test_unchanged_row_is_reported_and_not_rewritten(catalogue):
    path = write_csv(
        catalogue / "same.csv",
        [{"inventory_number": "T-001", "title_lt": "Vitražas T-001", "title_en": "Stained glass T-001"}],
        header=["inventory_number", "title_lt", "title_en"],
    )
    before = database_state()
    out, _err = run(path)
    assert "row 2 T-001: unchanged" in out
    assert database_state()["revisions"] == before["revisions"]


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ({"title_lt": ""}, "row 3 (N-002): title_lt: is required"),
        ({"collection": "nera"}, "row 3 (N-002): collection: no collection 'nera'; valid: vitrazai"),
        (
            {"creators": "nobody:artist"},
            "row 3 (N-002): creators: unknown creator key 'nobody'; valid: sample-workshop",
        ),
        ({"creators": "sample-workshop:painter"}, "row 3 (N-002): creators: must be one of"),
        ({"date_text": "kažkada"}, "row 3 (N-002): date_text: 'kažkada' is not a date phrase"),
        (
            {"techniques": "painted-glas"},
            "row 3 (N-002): techniques: unknown technique key 'painted-glas'; did you mean 'painted-glass' "
            "(glass painting)?",
        ),
        ({"rights": "http://example.org/x"}, "row 3 (N-002): rights: unknown rights URI 'http://example.org/x'"),
        (
            {"inventory_number": "N-001"},
            "row 3 (N-001): inventory_number: duplicate inventory number 'N-001' (also on row 2)",
        ),
        ({"inventory_number": "bad number!"}, "inventory_number: “bad number!” is not an inventory number"),
    ],
    ids=[
        "missing-title",
        "unknown-collection",
        "unknown-creator",
        "bad-role",
        "bad-date",
        "unknown-technique",
        "bad-rights",
        "duplicate-in-file",
        "bad-inventory",
    ],
)
def test_each_error_kind_names_row_and_column_and_nothing_is_saved(catalogue, cells, expected):
    before = database_state()
    message = failing(write_csv(catalogue / "bad.csv", [row("N-001"), row("N-002", **cells)]))
    assert expected in message
    assert "nothing was saved" in message
    assert database_state() == before


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
        (["inventory_number", "colour"], "unknown column(s) 'colour'"),
        (["inventory_number", "titel_lt"], "unknown column(s) 'titel_lt' (did you mean 'title_lt'?)"),
        (["inventory_number", "title_lt", "title_lt"], "column 'title_lt' appears 2 times in the header"),
    ],
)
def test_bad_header_is_refused(catalogue, header, expected):
    path = catalogue / "bad.csv"
    path.write_text(",".join(header) + "\n" + ",".join("T-001" for _ in header) + "\n", encoding="utf-8")
    before = database_state()
    assert expected in failing(path)
    assert database_state() == before


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
    before = database_state()
    message = failing(write_csv(catalogue / "big.csv", rows))
    assert "row 101 (B-100): date_text: 'nežinia' is not a date phrase" in message
    assert "row 351 (B-350): creators: unknown creator key 'ghost'" in message
    assert "500 rows: 498 create, 0 update, 0 unchanged, 2 error" in message
    assert database_state() == before


def test_progress_is_printed_and_the_search_index_follows_after_the_commit(
    catalogue, django_capture_on_commit_callbacks
):
    rows = [row(f"P-{number:04d}", title_lt=f"Švyturys {number}") for number in range(1, 1201)]
    output = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_items", str(write_csv(catalogue / "big.csv", rows)), stdout=output, stderr=io.StringIO())
    out = output.getvalue()
    assert "500/1200 rows" in out and "1200/1200 rows" in out
    assert "committed 1200 rows" in out
    assert ItemPage.objects.filter(inventory_number__startswith="P-").count() == 2400
    found = ItemPage.objects.search("Švyturys 1199")
    assert "P-1199" in {page.inventory_number for page in found}
    references = ReferenceIndex.objects.filter(object_id=str(item("P-0001").pk))
    written = sorted(references.values_list("to_content_type", "to_object_id", "model_path", "content_path"))
    assert written  # the creator's usage, and the others
    ReferenceIndex.create_or_update_for_object(item("P-0001"))  # Wagtail's own indexing finds the same
    assert sorted(references.values_list("to_content_type", "to_object_id", "model_path", "content_path")) == written


def test_an_import_stopped_while_writing_leaves_no_half_written_item(catalogue, monkeypatch):
    """Everything is one transaction: stopped after the pages and revisions are in, nothing stays."""
    from archive.imports.history import History

    def stop(_history):
        raise KeyboardInterrupt

    monkeypatch.setattr(History, "write_log", stop)
    path = write_csv(
        catalogue / "items.csv",
        [row(f"K-{number:03d}") for number in range(1, 201)] + [row("T-001", title_lt="Pusiau")],
    )
    before = database_state()
    with pytest.raises(KeyboardInterrupt):
        run(path, "--publish")
    assert database_state() == before
