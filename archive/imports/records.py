"""A spreadsheet row as the loader's record, and an item as the row that would reproduce it.

`row_to_record` reads only the columns a file has, so an import never clears what it does not mention;
for a column of a group (columns.py) the item's current values fill in the group's other columns.
`page_as_row` is its inverse: the export writes it, and the planner compares a row with it to tell
"unchanged" from "update".
"""

import html
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from archive.catalogue.fields import BY_NAME as ITEM_FIELD_NAMES
from archive.catalogue.fields import ITEM_FIELDS
from archive.catalogue.models import ItemPage
from archive.catalogue.seed.text import paragraphs

from .columns import BY_NAME, COLUMNS, LIST_SEPARATOR, group_of

BILINGUAL_KEYS = ("title", *(field.name for field in ITEM_FIELDS if field.bilingual))
PLAIN_KEYS = tuple(field.name for field in ITEM_FIELDS if not field.bilingual)
YEAR_COLUMNS = ("year_earliest", "year_latest")
YEAR_PATTERN = re.compile(r"-?\d{1,4}(\.0)?")


class RowError(ValueError):
    def __init__(self, column: str, reason: str):
        super().__init__(reason)
        self.column, self.reason = column, reason


@dataclass
class KeyNames:
    """What an item's links are called in a spreadsheet, by the linked object's id: read once per import."""

    creators: dict[int, str] = field(default_factory=dict)
    places: dict[int, str] = field(default_factory=dict)
    techniques: dict[int, str] = field(default_factory=dict)
    materials: dict[int, str] = field(default_factory=dict)
    tags: dict[int, str] = field(default_factory=dict)
    items: dict[int, str] = field(default_factory=dict)  # page id: inventory number
    collections: dict[str, str] = field(default_factory=dict)  # tree path: slug


def split_list(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(LIST_SEPARATOR) if part.strip()]


def with_group_values(cells: dict[str, str], current: dict[str, str] | None) -> dict[str, str]:
    """The row's cells plus, for each group it touches, the item's current values of the group's other
    columns. Giving the date text without any year re-reads the years from it."""
    if current is None:
        return dict(cells)
    merged = dict(cells)
    for name in cells:
        if name not in BY_NAME:
            continue
        for member in group_of(name):
            if member in merged:
                continue
            if member in YEAR_COLUMNS and "date_text" in cells and not any(year in cells for year in YEAR_COLUMNS):
                merged[member] = ""
            else:
                merged[member] = current.get(member, "")
    return merged


def row_to_record(cells: dict[str, str]) -> dict:
    """The record keys for the columns given; an absent column leaves its field alone."""
    record: dict = {"inventory_number": cells.get("inventory_number", "")}
    for key in BILINGUAL_KEYS:
        if f"{key}_lt" in cells or f"{key}_en" in cells:
            record[key] = {"lt": cells.get(f"{key}_lt", ""), "en": cells.get(f"{key}_en", "")}
    for name in ("alternative_titles", "techniques", "materials", "subjects", "related"):
        if name in cells:
            record[name] = split_list(cells[name])
    for name in PLAIN_KEYS:
        if name in cells:
            record[name] = cells[name]
    if "place" in cells:
        record["place"] = cells["place"] or None
    if cells.get("rights"):  # blank_keeps: an empty cell leaves the item's rights (or the collection's default)
        record["rights"] = cells["rights"]
    if "creators" in cells:
        record["creators"] = [creator_entry(part) for part in split_list(cells["creators"])]
    if any(column.name in cells for column in COLUMNS if column.record_key == "date"):
        record["date"] = date_entry(cells)
    return record


def creator_entry(part: str) -> dict:
    key, _sep, role = part.partition(":")
    return {"creator": key.strip(), "role": role.strip() or "artist"}


def date_entry(cells: dict[str, str]) -> dict | None:
    if not any(cells.get(name) for name in ("date_text", "date_text_en", *YEAR_COLUMNS)):
        return None
    entry = {"text": cells.get("date_text", ""), "text_en": cells.get("date_text_en", "")}
    for column, key in zip(YEAR_COLUMNS, ("earliest", "latest"), strict=True):
        cell = cells.get(column, "")
        if cell:
            if not YEAR_PATTERN.fullmatch(cell):
                raise RowError(column, _("'%(value)s' is not a year") % {"value": cell})
            entry[key] = int(float(cell))
    return entry


def page_as_row(lithuanian: ItemPage, english: ItemPage | None, names: KeyNames) -> dict[str, str]:
    """The cells that would reproduce the item as it is (the page, or its latest revision), without queries
    beyond what was prefetched: links are named through `names`."""
    english = english or lithuanian
    row = {
        "inventory_number": lithuanian.inventory_number,
        "collection": names.collections.get(lithuanian.path[: -ItemPage.steplen], ""),
        "alternative_titles": "; ".join(alt.text for alt in lithuanian.alternative_titles.all()),
        "creators": "; ".join(
            f"{names.creators.get(link.creator_id, '')}:{link.role}" for link in lithuanian.creators.all()
        ),
        "date_text": lithuanian.date_text,
        "date_text_en": english.date_text,
        "year_earliest": "" if lithuanian.year_earliest is None else str(lithuanian.year_earliest),
        "year_latest": "" if lithuanian.year_latest is None else str(lithuanian.year_latest),
        "place": names.places.get(lithuanian.place_id, "") if lithuanian.place_id else "",
        "techniques": "; ".join(sorted(names.techniques.get(term.pk, "") for term in lithuanian.techniques.all())),
        "materials": "; ".join(sorted(names.materials.get(term.pk, "") for term in lithuanian.materials.all())),
        "subjects": "; ".join(sorted(names.tags.get(link.tag_id, "") for link in lithuanian.tagged_items.all())),
        "rights": lithuanian.rights,
        "related": "; ".join(sorted(names.items.get(page.pk, "") for page in lithuanian.related_items.all())),
    }
    for key in PLAIN_KEYS:
        row[key] = getattr(lithuanian, key)
    for key in BILINGUAL_KEYS:
        for code, page in (("lt", lithuanian), ("en", english)):
            value = getattr(page, key)
            row[f"{key}_{code}"] = rich_text_as_cell(value) if is_rich(key) else value
    return row


def is_rich(key: str) -> bool:
    return key in ITEM_FIELD_NAMES and ITEM_FIELD_NAMES[key].rich


def rich_text_as_cell(value: str) -> str:
    parts = re.findall(r"<p[^>]*>(.*?)</p>", value or "", flags=re.S)
    return "\n\n".join(html.unescape(re.sub(r"<[^>]+>", "", part)).strip() for part in parts)


UNORDERED_LISTS = {"techniques", "materials", "subjects", "related"}


def normalised(column: str, cell: str) -> str:
    """A cell in the form it would be stored and read back in, so that equal values compare equal."""
    if column in UNORDERED_LISTS:
        return "; ".join(sorted(split_list(cell)))
    if BY_NAME[column].kind == "creators":
        return "; ".join(f"{entry['creator']}:{entry['role']}" for entry in map(creator_entry, split_list(cell)))
    if BY_NAME[column].kind == "list":
        return "; ".join(split_list(cell))
    if is_rich(BY_NAME[column].record_key):
        return rich_text_as_cell(paragraphs(cell))
    if BY_NAME[column].kind == "int" and YEAR_PATTERN.fullmatch(cell.strip()):
        return str(int(float(cell)))
    return cell.strip()
