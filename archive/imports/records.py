"""A spreadsheet row as the loader's record, and an item page as the row that would reproduce it."""

import html
import re

from archive.catalogue.models import ItemPage

from .columns import BY_NAME, LIST_SEPARATOR

BILINGUAL_KEYS = ("title", "description", "provenance", "condition", "credit_line")


class RowError(ValueError):
    def __init__(self, column: str, reason: str):
        super().__init__(reason)
        self.column, self.reason = column, reason


def split_list(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(LIST_SEPARATOR) if part.strip()]


def row_to_record(row: dict[str, str]) -> dict:
    """The record keys for the columns this row's file has; an absent column leaves its field alone."""
    record: dict = {"inventory_number": row.get("inventory_number", "")}
    for key in BILINGUAL_KEYS:
        if f"{key}_lt" in row:
            record[key] = {"lt": row[f"{key}_lt"], "en": row.get(f"{key}_en", "")}
    for name in ("alternative_titles", "techniques", "materials", "subjects", "related"):
        if name in row:
            record[name] = split_list(row[name])
    for name in ("dimensions", "inscriptions"):
        if name in row:
            record[name] = row[name]
    if "place" in row:
        record["place"] = row["place"] or None
    if row.get("rights"):
        record["rights"] = row["rights"]
    if "creators" in row:
        record["creators"] = [creator_entry(part) for part in split_list(row["creators"])]
    if "date_text" in row:
        record["date"] = date_entry(row)
    return record


def creator_entry(part: str) -> dict:
    key, _sep, role = part.partition(":")
    return {"creator": key.strip(), "role": role.strip() or "artist"}


def date_entry(row: dict[str, str]) -> dict | None:
    if not row.get("date_text") and not row.get("year_earliest") and not row.get("year_latest"):
        return None
    entry = {"text": row.get("date_text", ""), "text_en": row.get("date_text_en", "")}
    for column, key in (("year_earliest", "earliest"), ("year_latest", "latest")):
        cell = row.get(column, "")
        if cell:
            if not re.fullmatch(r"-?\d{1,4}(\.0)?", cell):
                raise RowError(column, f"'{cell}' is not a year")
            entry[key] = int(float(cell))
    return entry


def page_as_row(lithuanian: ItemPage, english: ItemPage | None) -> dict[str, str]:
    """The cells that would reproduce the item as it is, to show what an import changes."""
    english = english or lithuanian
    row = {
        "inventory_number": lithuanian.inventory_number,
        "collection": lithuanian.get_parent().slug,
        "alternative_titles": "; ".join(alt.text for alt in lithuanian.alternative_titles.all()),
        "creators": "; ".join(f"{link.creator.key}:{link.role}" for link in lithuanian.creators.all()),
        "date_text": lithuanian.date_text,
        "date_text_en": english.date_text,
        "year_earliest": "" if lithuanian.year_earliest is None else str(lithuanian.year_earliest),
        "year_latest": "" if lithuanian.year_latest is None else str(lithuanian.year_latest),
        "place": lithuanian.place.key if lithuanian.place else "",
        "techniques": "; ".join(sorted(term.key for term in lithuanian.techniques.all())),
        "materials": "; ".join(sorted(term.key for term in lithuanian.materials.all())),
        "dimensions": lithuanian.dimensions,
        "inscriptions": lithuanian.inscriptions,
        "subjects": "; ".join(sorted(tag.name for tag in lithuanian.subjects.all())),
        "rights": lithuanian.rights,
        "related": "; ".join(sorted(page.inventory_number for page in lithuanian.related_items.all())),
    }
    for key in BILINGUAL_KEYS:
        for code, page in (("lt", lithuanian), ("en", english)):
            value = getattr(page, key)
            row[f"{key}_{code}"] = rich_text_as_cell(value) if key == "description" else value
    return row


def rich_text_as_cell(value: str) -> str:
    parts = re.findall(r"<p[^>]*>(.*?)</p>", value or "", flags=re.S)
    return "\n\n".join(html.unescape(re.sub(r"<[^>]+>", "", part)).strip() for part in parts)


UNORDERED_LISTS = {"techniques", "materials", "subjects", "related"}


def normalised(column: str, cell: str) -> str:
    """A cell in the form page_as_row writes, so that equal values compare equal."""
    if column in UNORDERED_LISTS:
        return "; ".join(sorted(split_list(cell)))
    if BY_NAME[column].kind in ("list", "creators"):
        return "; ".join(split_list(cell))
    return cell.strip()
