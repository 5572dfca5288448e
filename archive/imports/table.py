"""Reading a spreadsheet (CSV or XLSX) into a header and rows of text cells."""

import csv
import io
import zipfile
from dataclasses import dataclass

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

MAX_ROWS = 20_000


class TableError(Exception):
    """The file cannot be read as a spreadsheet at all."""


@dataclass
class Table:
    header: list[str]
    rows: list[dict[str, str]]  # each row remembers its spreadsheet line in "__line__"


def read_table(data: bytes, filename: str) -> Table:
    name = filename.lower()
    if name.endswith(".csv"):
        return table_from_cells(csv_cells(data))
    if name.endswith(".xlsx"):
        return table_from_cells(xlsx_cells(data))
    raise TableError(f"{filename}: only .csv and .xlsx files can be imported")


def csv_cells(data: bytes) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TableError(f"the CSV file is not UTF-8 text (byte {error.start}); save it as 'CSV UTF-8'") from error
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [row for row in csv.reader(io.StringIO(text), dialect)]


def xlsx_cells(data: bytes) -> list[list[str]]:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise TableError(f"the file is not a readable XLSX workbook ({error.__class__.__name__})") from error
    sheet = workbook.worksheets[0]
    return [["" if cell is None else str(cell) for cell in row] for row in sheet.iter_rows(values_only=True)]


def table_from_cells(cells: list[list[str]]) -> Table:
    if not cells or not any(cell.strip() for cell in cells[0]):
        raise TableError("the file is empty: the first row must name the columns")
    header = [cell.strip() for cell in cells[0]]
    rows = []
    for line, values in enumerate(cells[1:], start=2):
        if not any(str(value).strip() for value in values) or str(values[0]).startswith("#"):
            continue  # blank rows, and the template's help row, are not records
        row = {name: str(value).strip() for name, value in zip(header, values, strict=False) if name}
        row["__line__"] = str(line)
        rows.append(row)
    if len(rows) > MAX_ROWS:
        raise TableError(f"the file has {len(rows)} rows; import at most {MAX_ROWS} at a time")
    return Table(header, rows)
