"""Checking a spreadsheet against the catalogue: per row, what would happen and what is wrong with it.

A row is checked cell by cell (control characters, formulas without a result, lengths the model
fields can store), then as the seed loader's record (archive/catalogue/seed/validation.py: dates, keys,
rights...), then against what the importer may do (add, change, locks, workflow). Nothing is written.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from archive.catalogue.seed.source import CollectionSource
from archive.catalogue.seed.validation import Checker, Problem, record_years, validate_item
from archive.dating.parser import DateParseError

from .columns import BY_NAME, REQUIRED
from .existing import CatalogueContext, ExistingItem
from .outcomes import ROW_ACTIONS
from .permissions import Importer
from .problems import (
    ColumnChecker,
    control_character,
    formula_without_result,
    too_long,
    unknown_columns_problem,
)
from .records import RowError, normalised, row_to_record, split_list, with_group_values
from .table import Table, TableRow
from .template import EXAMPLE_INVENTORY_NUMBER
from .terms import canonical_cells


@dataclass
class RowPlan:
    line: int
    inventory_number: str
    action: str = ""  # create | update | unchanged | error
    collection: str = ""
    changes: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    record: dict = field(default_factory=dict)
    existing: ExistingItem | None = None

    @property
    def valid(self) -> bool:
        return not self.problems

    @property
    def action_label(self) -> str:
        return str(ROW_ACTIONS.get(self.action, self.action))


@dataclass
class ImportPlan:
    filename: str
    rows: list[RowPlan]
    file_problems: list[str] = field(default_factory=list)
    context: CatalogueContext | None = None
    importer: Importer = field(default_factory=Importer)

    @property
    def valid_rows(self) -> list[RowPlan]:
        return [row for row in self.rows if row.valid and row.action != "unchanged"]

    @property
    def has_errors(self) -> bool:
        return bool(self.file_problems) or any(not row.valid for row in self.rows)

    @property
    def error_count(self) -> int:
        return sum(1 for row in self.rows if not row.valid)

    def counts(self) -> dict[str, int]:
        counts = {"create": 0, "update": 0, "unchanged": 0, "error": 0}
        for row in self.rows:
            counts[row.action] += 1
        return counts

    def collections(self) -> list[str]:
        return sorted({row.collection for row in self.valid_rows if row.collection})


def plan_import(table: Table, filename: str, importer: Importer | None = None) -> ImportPlan:
    plan = ImportPlan(filename, [], check_header(table.header), importer=importer or Importer())
    if plan.file_problems:
        return plan
    plan.context = CatalogueContext.load(row.cells.get("inventory_number", "") for row in table.rows)
    numbers_in_file: dict[str, int] = {}
    for row in table.rows:
        plan.rows.append(plan_row(row, table, filename, plan, numbers_in_file))
    return plan


def check_header(header: list[str]) -> list[str]:
    named = [name for name in header if name]
    problems = [_("column '%(column)s' is required") % {"column": name} for name in REQUIRED if name not in named]
    unknown = [name for name in named if name not in BY_NAME]
    if unknown:
        problems.append(unknown_columns_problem(unknown))
    for name in sorted({name for name in named if named.count(name) > 1}):
        problems.append(
            _("column '%(column)s' appears %(count)s times in the header")
            % {"column": name, "count": named.count(name)}
        )
    return problems


def plan_row(row: TableRow, table: Table, filename: str, plan: ImportPlan, seen: dict[str, int]) -> RowPlan:
    context = plan.context
    number = row.cells.get("inventory_number", "")
    result = RowPlan(line=row.number, inventory_number=number, existing=context.items.get(number))
    check = ColumnChecker(
        Checker(Path(filename), row.where + (f" ({number})" if number else ""), result.problems), context.vocabularies
    )
    check_cells(row, table, check)
    existing = result.existing
    given = canonical_cells(row.cells, context.vocabularies)
    cells = with_group_values(given, existing.row if existing else None)
    result.collection = given.get("collection") or (existing.row["collection"] if existing else "")
    check_duplicate(number, row.number, seen, check)
    check_example(number, check)
    try:
        result.record = row_to_record(cells)
    except RowError as error:
        check.fail(error.column, error.reason)
    else:
        check_record(result, filename, context, seen, check)
    if not result.problems:
        check_permission(result, plan, check)
    if existing is not None and not result.problems:
        result.changes = changed_columns(cells, result.record, existing.row, context.periods)
        # Only the columns the row gives: a group's other columns are filled in from the item (records.py).
        check_translations([name for name in result.changes if name in given], existing.pages, check)
    elif not result.problems:
        given = [name for name, value in row.cells.items() if value.strip()]
        check_translations(given, context.collections[result.collection], check)
    if result.problems:
        result.action = "error"
    else:
        result.action = "create" if existing is None else "update" if result.changes else "unchanged"
    return result


def check_cells(row: TableRow, table: Table, check: Checker) -> None:
    for name, value in row.cells.items():
        formula = table.formulas.get((row.number, name))
        if formula is not None:
            check.fail(name, formula_without_result(formula))
        problem = control_character(value)
        if problem:
            check.fail(name, problem)
        column = BY_NAME.get(name)
        limit = column.max_length if column else None
        if limit is None:
            continue
        values = split_list(value) if column.kind == "list" else [value]
        for entry in values:
            if len(entry) > limit:
                check.fail(name, too_long(entry, limit, column.kind == "list"))


def check_duplicate(number: str, line: int, seen: dict[str, int], check: Checker) -> None:
    if number and number in seen:
        check.fail(
            "inventory_number",
            _("duplicate inventory number '%(number)s' (also on row %(row)s)")
            % {"number": number, "row": seen[number]},
        )
    elif number:
        seen[number] = line


def check_example(number: str, check: Checker) -> None:
    """The template's example row left in the file would import a made-up item."""
    if number.strip().upper() == EXAMPLE_INVENTORY_NUMBER:
        check.fail("inventory_number", _("this is the template's example row: delete it, then import the file"))


def check_record(
    result: RowPlan, filename: str, context: CatalogueContext, seen: dict[str, int], check: Checker
) -> None:
    collection = context.collections.get(result.collection)
    if collection is None:
        if result.collection:
            check.unknown("collection", result.collection, context.vocabulary_keys["collections"], "")
        else:
            check.fail("collection", _("is required for a new item"))
        return
    source = CollectionSource(Path(filename).parent, {"default_rights": collection_default_rights(collection)}, [])
    validate_item(
        result.record,
        source,
        check,
        context.vocabulary_keys,
        context.inventory_numbers | set(seen),
        context.periods,
        partial=result.existing is not None,
    )


def collection_default_rights(pages: dict) -> str:
    return pages[settings.LANGUAGE_CODE].default_rights


def check_translations(columns: list[str], pages: dict, check: Checker) -> None:
    """A value for a language the item (or its new collection) has no page in is refused, not dropped."""
    for name in columns:
        language = BY_NAME[name].language if name in BY_NAME else ""
        if language and language not in pages:
            check.fail(
                name,
                _(
                    "the item has no page in this language yet: translate it in the admin first "
                    "(Translate), then import this column"
                ),
            )


def check_permission(result: RowPlan, plan: ImportPlan, check: Checker) -> None:
    """What the importer may do with this row: Wagtail's page permissions and locks, as in the editor."""
    importer, pages = plan.importer, plan.context.collections[result.collection]
    original = pages[settings.LANGUAGE_CODE]
    existing = result.existing
    if existing is None:
        if not importer.may_add_to(original):
            check.fail(
                "collection",
                _("you may not add items to the collection '%(collection)s'") % {"collection": result.collection},
            )
        return
    if not importer.may_change_in(original):
        check.fail(
            "inventory_number",
            _("you may not change items of the collection '%(collection)s'") % {"collection": result.collection},
        )
    if existing.row["collection"] != result.collection:
        check.fail(
            "collection",
            _(
                "the item is in the collection '%(current)s'; move it to '%(new)s' in the admin "
                "(Move), an import does not move items"
            )
            % {"current": existing.row["collection"], "new": result.collection},
        )
    for page in existing.pages.values():
        if importer.lock_on(page) is not None:
            check.fail(
                "inventory_number",
                _(
                    "the item is locked in the admin (or awaits approval in a workflow "
                    "you do not review); it can be changed once it is unlocked"
                ),
            )
            return


def changed_columns(cells: dict[str, str], record: dict, current: dict[str, str], periods: dict) -> list[str]:
    """The row's columns whose stored value would differ from the item's (English falls back to Lithuanian,
    and years left empty are read from the date text, as writing them would)."""
    years = resolved_years(record, periods)
    changed = []
    for name in cells:
        if name not in BY_NAME or name not in current:
            continue
        if BY_NAME[name].blank_keeps and not cells[name].strip():
            continue  # an empty cell writes nothing (records.row_to_record)
        if stored_form(name, cells, years) != stored_form(name, current, None):
            changed.append(name)
    return changed


def resolved_years(record: dict, periods: dict) -> dict[str, str]:
    if "date" not in record:
        return {}
    try:
        earliest, latest = record_years(record["date"], periods)
    except DateParseError:
        return {}
    return {
        "year_earliest": "" if earliest is None else str(earliest),
        "year_latest": "" if latest is None else str(latest),
    }


def stored_form(name: str, cells: dict[str, str], years: dict[str, str] | None) -> str:
    value = cells.get(name, "")
    if years and name in years:
        value = years[name]
    fallback = BY_NAME[name].falls_back_to
    if fallback and not value.strip():
        value = cells.get(fallback, "")
    return normalised(name, value)
