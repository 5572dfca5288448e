"""Checking a spreadsheet against the catalogue: per row, what would happen and what is wrong with it."""

from dataclasses import dataclass, field
from pathlib import Path

from wagtail.models import Locale

from archive.catalogue.models import CollectionPage, ItemPage
from archive.catalogue.seed.source import CollectionSource
from archive.catalogue.seed.validation import Checker, Problem, validate_item
from archive.dating.models import known_periods
from archive.vocabularies.models import Creator, Material, Place, Technique

from .columns import BY_NAME, REQUIRED, column_for
from .records import RowError, normalised, page_as_row, row_to_record
from .table import Table


@dataclass
class RowPlan:
    line: int
    inventory_number: str
    action: str = ""  # create | update | unchanged | error
    collection: str = ""
    changes: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    record: dict = field(default_factory=dict)

    @property
    def valid(self) -> bool:
        return not self.problems


@dataclass
class ImportPlan:
    filename: str
    rows: list[RowPlan]
    file_problems: list[str] = field(default_factory=list)

    @property
    def valid_rows(self) -> list[RowPlan]:
        return [row for row in self.rows if row.valid and row.action != "unchanged"]

    @property
    def has_errors(self) -> bool:
        return bool(self.file_problems) or any(not row.valid for row in self.rows)

    def counts(self) -> dict[str, int]:
        counts = {"create": 0, "update": 0, "unchanged": 0, "error": 0}
        for row in self.rows:
            counts[row.action] += 1
        return counts


def plan_import(table: Table, filename: str) -> ImportPlan:
    plan = ImportPlan(filename, [], check_header(table.header))
    if plan.file_problems:
        return plan
    context = CatalogueContext.load()
    numbers_in_file: dict[str, int] = {}
    for row in table.rows:
        row_plan = plan_row(row, filename, context, numbers_in_file)
        plan.rows.append(row_plan)
    return plan


def check_header(header: list[str]) -> list[str]:
    problems = [f"column '{name}' is required" for name in REQUIRED if name not in header]
    unknown = [name for name in header if name and name not in BY_NAME]
    if unknown:
        problems.append(f"unknown column(s) {', '.join(unknown)}: use the columns of the template")
    for name in header:
        if name.endswith("_lt") and name[:-3] + "_en" not in header:
            problems.append(f"column '{name}' needs its pair '{name[:-3]}_en' (it may be empty)")
        if name.endswith("_en") and name[:-3] + "_lt" not in header and name != "date_text_en":
            problems.append(f"column '{name}' needs its pair '{name[:-3]}_lt'")
    return problems


@dataclass
class CatalogueContext:
    """What rows are checked against, read once per import."""

    locale: Locale
    collections: dict[str, CollectionPage]
    vocabulary_keys: dict[str, set[str]]
    inventory_numbers: set[str]
    periods: dict

    @classmethod
    def load(cls) -> "CatalogueContext":
        locale = Locale.get_default()
        return cls(
            locale=locale,
            collections={page.slug: page for page in CollectionPage.objects.filter(locale=locale)},
            vocabulary_keys={
                "creators": set(Creator.objects.values_list("key", flat=True)),
                "places": set(Place.objects.values_list("key", flat=True)),
                "techniques": set(Technique.objects.values_list("key", flat=True)),
                "materials": set(Material.objects.values_list("key", flat=True)),
            },
            inventory_numbers=set(ItemPage.objects.filter(locale=locale).values_list("inventory_number", flat=True)),
            periods=known_periods(),
        )


def plan_row(row: dict[str, str], filename: str, context: CatalogueContext, seen: dict[str, int]) -> RowPlan:
    line = int(row["__line__"])
    number = row.get("inventory_number", "")
    result = RowPlan(line=line, inventory_number=number)
    label = f"row {line}" + (f" ({number})" if number else "")
    check = Checker(Path(filename), label, result.problems)
    try:
        result.record = row_to_record(row)
    except RowError as error:
        check.fail(error.column, error.reason)
        result.action = "error"
        return result
    existing = ItemPage.objects.filter(locale=context.locale, inventory_number=number).first() if number else None
    result.collection = row.get("collection") or (existing.get_parent().slug if existing else "")
    check_duplicate(number, line, seen, check)
    collection = context.collections.get(result.collection)
    if collection is None:
        check.fail("collection", f"no collection '{result.collection}'" if result.collection
                   else "is required for a new item")
    else:
        source = CollectionSource(Path(filename).parent, {"default_rights": collection.default_rights}, [])
        column_check = ColumnChecker(check)
        validate_item(result.record, source, column_check, context.vocabulary_keys,
                      context.inventory_numbers | set(seen), context.periods, partial=existing is not None)
    if result.problems:
        result.action = "error"
    elif existing is None:
        result.action = "create"
    else:
        result.changes = changed_columns(row, existing)
        result.action = "update" if result.changes else "unchanged"
    return result


def check_duplicate(number: str, line: int, seen: dict[str, int], check: Checker) -> None:
    if number and number in seen:
        check.fail("inventory_number", f"duplicate inventory number '{number}' (also on row {seen[number]})")
    elif number:
        seen[number] = line


class ColumnChecker(Checker):
    """Reports the loader's record fields under the spreadsheet's column names."""

    def __init__(self, inner: Checker):
        super().__init__(inner.file, inner.record, inner.problems)

    def fail(self, field: str, reason: str) -> None:
        super().fail(column_for(field), reason)


def changed_columns(row: dict[str, str], existing: ItemPage) -> list[str]:
    english = existing.get_translation_or_none(Locale.objects.filter(language_code="en").first())
    current = page_as_row(existing, english.specific if english else None)
    return [name for name in row if name in BY_NAME and name in current
            and normalised(name, row[name]) != normalised(name, current[name])]
