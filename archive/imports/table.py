"""Reading a spreadsheet (CSV or XLSX) into a header and rows of text cells, refusing what it cannot read whole.

CSV is read as RFC 4180: fields in double quotes may hold the delimiter, line breaks and doubled quotes
(""), a UTF-8 byte order mark is dropped and CRLF or LF ends a record. The delimiter is ',', ';' or a
tab: either given, or detected from the whole file as the one under which the most records have the
header's number of cells. A record whose number of cells differs from the header's is refused with its
row and line, never padded or cut, because that is how a mis-quoted cell shows: values shifted into the
wrong columns. Line breaks inside cells are stored as LF.

XLSX: the first sheet; a formula's saved result is read (a formula without one is a row problem,
reported by the planner from `Table.formulas`).
"""

import csv
import io
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

MAX_ROWS = 20_000
DELIMITERS = {"comma": ",", "semicolon": ";", "tab": "\t"}
DETECT = "detect"
DELIMITER_CHOICES = [
    (DETECT, gettext_lazy("detect from the file")),
    ("comma", gettext_lazy("comma ( , )")),
    ("semicolon", gettext_lazy("semicolon ( ; )")),
    ("tab", gettext_lazy("tab")),
]


class TableError(Exception):
    """The file cannot be read as a spreadsheet at all, or not without guessing at some of its cells."""


@dataclass
class TableRow:
    number: int  # the spreadsheet's row number; the header is row 1
    cells: dict[str, str]
    line: int = 0  # the CSV line the record starts on, when it differs from the row number

    @property
    def where(self) -> str:
        if self.line and self.line != self.number:
            return _("row %(row)s (line %(line)s)") % {"row": self.number, "line": self.line}
        return _("row %(row)s") % {"row": self.number}


@dataclass
class Table:
    header: list[str]
    rows: list[TableRow]
    formulas: dict[tuple[int, str], str] = field(default_factory=dict)  # (row, column): formula with no result


@dataclass
class Record:
    number: int
    line: int
    cells: list[str]


def read_table(data: bytes, filename: str, delimiter: str = DETECT) -> Table:
    name = filename.lower()
    if name.endswith(".csv"):
        return table_from_records(csv_records(data, delimiter))
    if name.endswith(".xlsx"):
        records, formulas = xlsx_records(data)
        table = table_from_records(records)
        table.formulas = {
            (number, table.header[position]): formula
            for (number, position), formula in formulas.items()
            if position < len(table.header) and table.header[position]
        }
        return table
    raise TableError(_("%(file)s: only .csv and .xlsx files can be imported") % {"file": filename})


def csv_text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TableError(
            _("the CSV file is not UTF-8 text (byte %(byte)s); save it as 'CSV UTF-8'") % {"byte": error.start}
        ) from error


def csv_records(data: bytes, delimiter: str = DETECT) -> list[Record]:
    text = csv_text(data)
    character = detect_delimiter(text) if delimiter == DETECT else DELIMITERS[delimiter]
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=character, quotechar='"', doublequote=True, strict=True
    )
    records, line = [], 1
    try:
        for number, cells in enumerate(reader, start=1):
            records.append(Record(number, line, cells))
            line = reader.line_num + 1
    except csv.Error as error:
        raise TableError(
            _("line %(line)s: the CSV cannot be read (%(error)s); check the quotes in that line")
            % {"line": reader.line_num, "error": error}
        ) from error
    return records


def detect_delimiter(text: str) -> str:
    """The delimiter under which most records have as many cells as the header (which has at least two)."""
    best, best_score = ",", (0, 0)
    for character in DELIMITERS.values():
        try:
            rows = [cells for cells in csv.reader(io.StringIO(text, newline=""), delimiter=character) if cells]
        except csv.Error:
            continue
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        score = (sum(1 for cells in rows if len(cells) == width), width)
        if score > best_score:
            best, best_score = character, score
    return best


def xlsx_records(data: bytes) -> tuple[list[Record], dict[tuple[int, int], str]]:
    """The first sheet's rows, and the formulas (by row and position) whose result the file does not hold."""
    values, formulas = (workbook_rows(data, data_only) for data_only in (True, False))
    records, missing = [], {}
    for number, (row, formula_row) in enumerate(zip(values, formulas, strict=False), start=1):
        cells = []
        for position, cell in enumerate(row):
            formula = formula_row[position] if position < len(formula_row) else None
            if cell.value is None and formula is not None and formula.data_type == "f":
                missing[(number, position)] = str(formula.value)
            cells.append(xlsx_text(cell.value))
        records.append(Record(number, 0, cells))
    return records, missing


def workbook_rows(data: bytes, data_only: bool) -> list:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise TableError(
            _("the file is not a readable XLSX workbook (%(reason)s)") % {"reason": error.__class__.__name__}
        ) from error
    try:
        return [list(row) for row in workbook.worksheets[0].iter_rows()]
    finally:
        workbook.close()


def xlsx_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def table_from_records(records: list[Record]) -> Table:
    records = [record for record in records if any(cell.strip() for cell in record.cells)]
    if not records:
        raise TableError(_("the file is empty: the first row must name the columns"))
    header = [cell.strip() for cell in records[0].cells]
    rows = []
    for record in records[1:]:
        check_width(record, header)
        if is_help_row(record.cells):
            continue
        cells = {name: cell_text(value) for name, value in zip(header, record.cells, strict=True) if name}
        rows.append(TableRow(record.number, cells, record.line))
    if len(rows) > MAX_ROWS:
        raise TableError(
            _("the file has %(rows)s rows; import at most %(limit)s at a time") % {"rows": len(rows), "limit": MAX_ROWS}
        )
    return Table(header, rows)


def is_help_row(cells: list[str]) -> bool:
    """The template's row of help texts: every filled cell starts with '#' (an inventory number cannot)."""
    return all(cell.strip().startswith("#") for cell in cells if cell.strip())


def check_width(record: Record, header: list[str]) -> None:
    """Refuse a record with another number of cells than the header, or a value under an unnamed column."""
    where = TableRow(record.number, {}, record.line).where
    if len(record.cells) != len(header):
        raise TableError(
            _(
                "%(where)s has %(cells)s cells but the header has %(header)s: a cell containing the "
                'delimiter or a line break must be in double quotes, and a quote inside it doubled ("")'
            )
            % {"where": where, "cells": len(record.cells), "header": len(header)}
        )
    for position, (name, value) in enumerate(zip(header, record.cells, strict=True), start=1):
        if not name and value.strip():
            raise TableError(
                _("%(where)s has a value in column %(position)s, which has no name in the header")
                % {"where": where, "position": position}
            )


def cell_text(value: str) -> str:
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()
