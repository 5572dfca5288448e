"""Serialising ItemRecords for export as CSV or JSON, one row at a time.

Both serialisers are generators of text chunks: the view hands them to a StreamingHttpResponse, so
memory stays flat however many rows an export has.
"""

import csv
import json
from collections.abc import Iterable, Iterator

from archive.catalogue.fields import EXPORT, fields_for, in_layout

from .record import ItemRecord

# Declared item fields shown in exports (archive/catalogue/fields.py) that this order does not place come last.
COLUMNS = in_layout(
    (
        "inventory_number",
        "title",
        "alternative_titles",
        "creators",
        "date_text",
        "year_earliest",
        "year_latest",
        "date_edtf",
        "place",
        "latitude",
        "longitude",
        "techniques",
        "materials",
        "dimensions",
        "subjects",
        "description",
        "rights",
        "rights_label",
        "credit_line",
        "collection",
        "url",
        "iiif_manifest",
    ),
    EXPORT,
)
# Spreadsheet programs run a cell starting with these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATOR = "; "


def export_row(record: ItemRecord) -> dict:
    place = record.place
    values = {
        "inventory_number": record.inventory_number,
        "title": record.title,
        "alternative_titles": list(record.alternative_titles),
        "creators": [f"{creator.name} ({creator.role_label})" for creator in record.creators],
        "date_text": record.date_text,
        "year_earliest": record.year_earliest,
        "year_latest": record.year_latest,
        # The reading as EDTF ('1935~', '193X', '1935-05-03'), so other systems read the date exactly.
        "date_edtf": record.dating.edtf if record.dating else "",
        "place": place.name if place else "",
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "techniques": list(record.techniques),
        "materials": list(record.materials),
        "subjects": list(record.subjects),
        "rights": record.rights,
        "rights_label": record.rights_label,
        "collection": record.collection.title if record.collection else "",
        "url": record.permanent_url,
        "iiif_manifest": record.manifest_url,
        **{item_field.name: getattr(record, item_field.name) for item_field in fields_for(EXPORT)},
    }
    return {column: values[column] for column in COLUMNS}


def csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(value)
    text = str(value)
    if isinstance(value, str) and text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


class _Line:
    """A write-only file for csv.writer that hands back what was written."""

    def write(self, text: str) -> str:
        return text


def csv_chunks(records: Iterable[ItemRecord], delimiter: str = ",") -> Iterator[str]:
    writer = csv.writer(_Line(), delimiter=delimiter)
    # A byte order mark so spreadsheet programs read Lithuanian letters as UTF-8.
    yield "\ufeff" + writer.writerow(COLUMNS)
    for record in records:
        row = export_row(record)
        yield writer.writerow([csv_cell(row[column]) for column in COLUMNS])


def json_chunks(records: Iterable[ItemRecord], header: dict) -> Iterator[str]:
    """A JSON object: the header's keys, then "items" written one record per chunk."""
    opening = json.dumps(header, ensure_ascii=False)[:-1]
    yield opening + ', "items": [' if header else '{"items": ['
    separator = "\n"
    for record in records:
        yield separator + json.dumps(export_row(record), ensure_ascii=False)
        separator = ",\n"
    yield "\n]}\n"
