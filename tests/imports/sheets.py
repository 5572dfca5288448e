"""Spreadsheets, the command and people shared by the import tests, and a snapshot of everything an import
may write (to show that a refused import wrote nothing)."""

import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import Page, PageLogEntry, Revision, TaskState, WorkflowState

from archive.catalogue.models import ItemPage

HEADER = [
    "inventory_number",
    "collection",
    "title_lt",
    "title_en",
    "creators",
    "date_text",
    "date_text_en",
    "techniques",
    "subjects",
    "rights",
]


def row(number: str, **cells) -> dict:
    values = {
        "inventory_number": number,
        "collection": "vitrazai",
        "title_lt": f"Langas {number}",
        "title_en": f"Window {number}",
        "creators": "sample-workshop:workshop",
        "date_text": "1936 m.",
        "date_text_en": "1936",
        "techniques": "painted-glass",
        "subjects": "jūra; laivai",
        "rights": "",
    }
    values.update(cells)
    return values


def csv_text(rows: list[dict], header: list[str] = HEADER, delimiter: str = ",") -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, delimiter=delimiter)
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def write_csv(path, rows: list[dict], header: list[str] = HEADER):
    path.write_text(csv_text(rows, header), encoding="utf-8", newline="")
    return path


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_items", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def failing(*args, returncode: int | None = None) -> str:
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("import_items", *map(str, args), stdout=out, stderr=err)
    if returncode is not None:
        assert raised.value.returncode == returncode
    return f"{out.getvalue()}\n{err.getvalue()}\n{raised.value}"


def database_state() -> dict:
    """Every row an import writes, in full: a refused import must leave all of them exactly as they were."""
    return {
        "items": list(ItemPage.objects.order_by("pk").values()),
        "pages": list(Page.objects.order_by("pk").values()),
        "revisions": list(Revision.objects.order_by("pk").values()),
        "workflows": list(WorkflowState.objects.order_by("pk").values()),
        "tasks": list(TaskState.objects.order_by("pk").values()),
        "history": PageLogEntry.objects.count(),
        "relations": [
            list(ItemPage.techniques.through.objects.values_list("pk", flat=True)),
            list(ItemPage.related_items.through.objects.values_list("pk", flat=True)),
        ],
    }


def item(number: str, language: str = "lt") -> ItemPage:
    return ItemPage.objects.get(inventory_number=number, locale__language_code=language)


def draft(number: str, language: str = "lt") -> ItemPage:
    """The item as its latest revision has it (what the editor shows and an editor approves)."""
    return item(number, language).get_latest_revision_as_object()


def member(django_user_model, name: str, group: str):
    user = django_user_model.objects.create_user(name, f"{name}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group))
    return user
