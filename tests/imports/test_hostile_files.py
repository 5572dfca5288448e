"""A corpus of hostile spreadsheets: each is either stored exactly as written or refused with a message
naming the row, line or column, and then the database is exactly as it was."""

import pytest
from openpyxl import Workbook

from tests.imports.sheets import database_state, draft, failing, item, run

pytestmark = pytest.mark.django_db

HEAD = "inventory_number,collection,title_lt,title_en,dimensions\r\n"


def write(folder, name: str, data: str | bytes):
    path = folder / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def refused(path, *expected: str) -> None:
    before = database_state()
    message = failing(path)
    for text in expected:
        assert text in message
    assert "nothing was saved" in message
    assert database_state() == before


# Files that are read whole: each value lands in its own column, exactly.
ACCEPTED = {
    "doubled-quotes": (
        HEAD + 'N-1,vitrazai,"Vitražas ""Laivai"", uoste",Ships,"12 x 30"\r\n',
        {"title_lt": 'Vitražas "Laivai", uoste', "title_en": "Ships", "dimensions": "12 x 30"},
    ),
    "bom-and-crlf": (
        "\ufeff" + HEAD + "N-1,vitrazai,Langas,Window,1 m\r\n",
        {"title_lt": "Langas", "title_en": "Window", "dimensions": "1 m"},
    ),
    "semicolons": (
        "inventory_number;collection;title_lt;title_en;dimensions\nN-1;vitrazai;Langas, didelis;Window, large;2,5 m\n",
        {"title_lt": "Langas, didelis", "title_en": "Window, large", "dimensions": "2,5 m"},
    ),
    "tabs": (
        "inventory_number\tcollection\ttitle_lt\ttitle_en\tdimensions\nN-1\tvitrazai\tLangas; senas\t"
        "Window, old\t3 m\n",
        {"title_lt": "Langas; senas", "title_en": "Window, old", "dimensions": "3 m"},
    ),
    "formula-text": (
        HEAD + 'N-1,vitrazai,"=HYPERLINK(""http://x.example/"",""spausk"")",+1 Window,@SUM(A1)\r\n',
        {"title_lt": '=HYPERLINK("http://x.example/","spausk")', "title_en": "+1 Window", "dimensions": "@SUM(A1)"},
    ),
}


@pytest.mark.parametrize("name", ACCEPTED)
def test_files_read_whole_store_each_value_in_its_own_column(catalogue, name):
    text, expected = ACCEPTED[name]
    run(write(catalogue, "items.csv", text))
    stored = draft("N-1")
    english = draft("N-1", "en")
    assert (stored.title, english.title, stored.dimensions) == (
        expected["title_lt"],
        expected["title_en"],
        expected["dimensions"],
    )


def test_embedded_line_breaks_and_a_ten_kilobyte_cell_are_stored_exactly(catalogue):
    description = "Pirma eilutė\nantra eilutė\n\n" + "ž" * 10_240
    text = (
        "inventory_number,collection,title_lt,title_en,description_lt,inscriptions\r\n"
        f'N-1,vitrazai,Langas,Window,"{description}","=A1+1\r\nsecond line"\r\n'
    )
    out, _err = run(write(catalogue, "items.csv", text))
    assert "row 2 N-1: create" in out
    stored = draft("N-1")
    assert stored.description == "<p>Pirma eilutė\nantra eilutė</p><p>" + "ž" * 10_240 + "</p>"
    assert stored.inscriptions == "=A1+1\nsecond line"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (HEAD + "N-1,vitrazai,Langas,Window,1 m\r\nN-2,vitrazai,Langas\r\n", "row 3 has 3 cells but the header has 5"),
        (HEAD + "N-1,vitrazai,Langas,Window,1 m,extra\r\n", "row 2 has 6 cells but the header has 5"),
        (
            HEAD + 'N-1,vitrazai,"Langas\r\nper dvi eilutes",Window,1 m\r\nN-2,vitrazai,Vitražas "Laivai", uoste,'
            "Ships,1 m\r\n",
            "row 3 (line 4) has 6 cells but the header has 5",
        ),
        (HEAD + 'N-1,vitrazai,"Langas"x,Window,1 m\r\n', "line 2: the CSV cannot be read"),
        ("inventory_number,,title_lt\r\nT-001,oops,Naujas\r\n", "row 2 has a value in column 2, which has no name"),
        ("", "the file is empty"),
    ],
    ids=["short-row", "long-row", "unquoted-comma-after-a-multiline-cell", "stray-quote", "unnamed-column", "empty"],
)
def test_rows_that_cannot_be_read_whole_refuse_the_file(catalogue, text, expected):
    refused(write(catalogue, "items.csv", text), expected)


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ("T-001,Lan\x00gas,Window", "row 2 (T-001): title_lt: contains the control character U+0000 at position 4"),
        ("T-001," + "x" * 10_240 + ",Window", "row 2 (T-001): title_lt: is 10240 characters long; at most 255 fit"),
    ],
    ids=["nul-byte", "title-too-long"],
)
def test_values_that_cannot_be_stored_are_row_errors(catalogue, cells, expected):
    refused(write(catalogue, "items.csv", "inventory_number,title_lt,title_en\n" + cells + "\n"), expected)


@pytest.mark.parametrize(
    ("header", "cells", "expected"),
    [
        (
            "year_earliest,year_latest",
            "1950,1900",
            "row 2 (T-001): year_earliest: bad year range: earliest 1950 is after latest 1900",
        ),
        ("year_earliest,year_latest", "apie,1940", "row 2 (T-001): year_earliest: 'apie' is not a year"),
        ("year_latest", "XX a.", "row 2 (T-001): year_latest: 'XX a.' is not a year"),
        ("place", "nowhere", "row 2 (T-001): place: unknown place key 'nowhere'; valid: sample-church"),
        ("materials", "glas", "row 2 (T-001): materials: unknown material key 'glas'; did you mean 'glass'?"),
        ("related", "T-999", "row 2 (T-001): related: no item has the inventory number 'T-999'"),
        (
            "alternative_titles",
            "Trumpas; " + "y" * 301,
            "row 2 (T-001): alternative_titles: 'yyyyyyyyyyyyyyyyyyyyyyyyyyyyyy…' is 301 characters long; each entry "
            "may have at most 300",
        ),
        ("colour", "red", "unknown column(s) 'colour'"),
    ],
    ids=[
        "reversed-years",
        "non-numeric-year",
        "century-as-year",
        "unknown-place",
        "unknown-material",
        "unknown-related",
        "alternative-title-too-long",
        "unknown-column",
    ],
)
def test_bad_values_name_their_column_and_change_nothing(catalogue, header, cells, expected):
    refused(write(catalogue, "items.csv", f"inventory_number,{header}\nT-001,{cells}\n"), expected)


def test_a_refused_file_leaves_even_the_valid_rows_unwritten(catalogue):
    text = "inventory_number,collection,title_lt\nN-1,vitrazai,Geras\nN-2,vitrazai,Blogas\x07\n"
    refused(write(catalogue, "items.csv", text), "row 3 (N-2): title_lt: contains the control character U+0007")
    assert not item_exists("N-1")


def test_xlsx_formula_without_a_saved_result_is_a_row_error_and_formula_text_is_kept(catalogue):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["inventory_number", "title_lt", "inscriptions"])
    sheet.append(["T-001", '=CONCAT("a","b")', "x"])
    refused(
        save(workbook, catalogue / "formula.xlsx"),
        "row 2 (T-001): title_lt: holds a formula whose result is not saved in the file",
    )

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["inventory_number", "inscriptions"])
    sheet.append(["T-001", "text"])
    sheet["B2"].value, sheet["B2"].data_type = '=HYPERLINK("http://x.example/")', "s"
    run(save(workbook, catalogue / "text.xlsx"))
    assert draft("T-001").inscriptions == '=HYPERLINK("http://x.example/")'
    assert item("T-001").inscriptions == ""  # the live version waits for approval


def save(workbook: Workbook, path):
    workbook.save(path)
    return path


def item_exists(number: str) -> bool:
    from archive.catalogue.models import ItemPage

    return ItemPage.objects.filter(inventory_number=number).exists()
