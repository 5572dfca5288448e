"""The documented column set of an item spreadsheet: each column declared once, with what it feeds.

A column names the record key it feeds (`key`), the model field whose length limit its values must fit
(`field`, "app.Model.field") and the vocabulary its values are keys of (`vocabulary`). Columns sharing a
key form a group (title_lt and title_en; the four date columns): a row that gives only some of a group's
columns keeps the item's current values for the others, so any one column can be imported on its own.
The item's text fields (archive/catalogue/fields.py) bring their columns with them (`field_columns`).
"""

import difflib
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.utils import translation
from django.utils.functional import lazy
from django.utils.translation import gettext as _

from archive.catalogue.fields import BY_NAME as FIELDS
from archive.catalogue.fields import ITEM_FIELDS


@dataclass(frozen=True)
class Column:
    name: str
    help_lt: str
    help_en: str
    kind: str = "text"  # text | list | int | creators | bilingual-lt | bilingual-en
    key: str = ""
    field: str = ""
    vocabulary: str = ""  # creators | places | techniques | materials | items | collections | rights
    language: str = ""  # the language of the page a translated column is stored on (default: every page)
    falls_back_to: str = ""  # the column whose value the page shows while this one is empty
    blank_keeps: bool = False  # an empty cell changes nothing (a new item gets its collection's default)

    @property
    def record_key(self) -> str:
        return self.key or self.name

    @property
    def max_length(self) -> int | None:
        """The longest value (each entry, for a list) that the model field behind the column stores."""
        if not self.field:
            return None
        app_label, model, name = self.field.split(".")
        return apps.get_model(app_label, model)._meta.get_field(name).max_length


LIST_SEPARATOR = ";"


def in_language(language: str, text: Callable[[], str]) -> str:
    """A help text in one language whatever the request's, read from the translations when used."""

    def translated() -> str:
        with translation.override(language):
            return text()

    return lazy(translated, str)()


def field_columns(name: str) -> list[Column]:
    """The columns of a declared item field (archive/catalogue/fields.py): one, or one per language."""
    item_field = FIELDS[name]
    model_field = f"catalogue.ItemPage.{name}"
    if not item_field.bilingual:
        return [
            Column(
                name,
                in_language("lt", lambda: str(item_field.label)),
                in_language("en", lambda: str(item_field.label)),
                field=model_field,
            )
        ]
    lithuanian, english = item_field.columns

    def in_lithuanian() -> str:
        return _("%(label)s in Lithuanian") % {"label": item_field.label}

    def in_english() -> str:
        return _("%(label)s in English") % {"label": item_field.label}

    return [
        Column(
            lithuanian,
            in_language("lt", in_lithuanian),
            in_language("en", in_lithuanian),
            "bilingual-lt",
            name,
            model_field,
        ),
        Column(
            english,
            in_language("lt", in_english),
            in_language("en", in_english),
            "bilingual-en",
            name,
            model_field,
            language="en",
            falls_back_to=lithuanian,
        ),
    ]


COLUMNS = [
    Column(
        "inventory_number",
        "Inventorinis numeris (privalomas; pagal jį atnaujinama)",
        "Inventory number (required; rows update items by it)",
        field="catalogue.ItemPage.inventory_number",
    ),
    Column(
        "collection",
        "Kolekcijos adresas (slug), privalomas naujiems įrašams",
        "Collection slug, required for new items",
        vocabulary="collections",
    ),
    Column(
        "title_lt", "Pavadinimas lietuviškai", "Title in Lithuanian", "bilingual-lt", "title", "wagtailcore.Page.title"
    ),
    Column(
        "title_en",
        "Pavadinimas angliškai",
        "Title in English",
        "bilingual-en",
        "title",
        "wagtailcore.Page.title",
        language="en",
        falls_back_to="title_lt",
    ),
    Column(
        "alternative_titles",
        "Kiti pavadinimai, atskirti ;",
        "Alternative titles, separated by ;",
        "list",
        field="catalogue.ItemAlternativeTitle.text",
    ),
    Column(
        "creators",
        "Kūrėjai: raktas:vaidmuo; raktas:vaidmuo",
        "Creators: key:role; key:role",
        "creators",
        vocabulary="creators",
    ),
    Column(
        "date_text",
        "Data, kaip parašyta šaltinyje",
        "Date as the source gives it (Lithuanian)",
        key="date",
        field="catalogue.ItemPage.date_text",
    ),
    Column(
        "date_text_en",
        "Data angliškai",
        "Date in English",
        key="date",
        field="catalogue.ItemPage.date_text",
        language="en",
        falls_back_to="date_text",
    ),
    Column(
        "year_earliest",
        "Ankstyviausi metai (tušti: skaitoma iš datos)",
        "Earliest year (empty: read from date)",
        "int",
        "date",
    ),
    Column("year_latest", "Vėliausi metai", "Latest year", "int", "date"),
    Column("place", "Vietos raktas", "Place key", vocabulary="places"),
    Column(
        "techniques", "Technikų raktai, atskirti ;", "Technique keys, separated by ;", "list", vocabulary="techniques"
    ),
    Column("materials", "Medžiagų raktai, atskirti ;", "Material keys, separated by ;", "list", vocabulary="materials"),
    *field_columns("dimensions"),
    *field_columns("description"),
    *field_columns("inscriptions"),
    *field_columns("provenance"),
    *field_columns("condition"),
    Column("subjects", "Temos, atskirtos ;", "Subjects, separated by ;", "list", field="taggit.Tag.name"),
    Column(
        "rights",
        "Teisių URI (RightsStatements.org arba Creative Commons)",
        "Rights URI (RightsStatements.org or Creative Commons)",
        field="catalogue.ItemPage.rights",
        vocabulary="rights",
        blank_keeps=True,
    ),
    *field_columns("credit_line"),
    Column(
        "related",
        "Susijusių įrašų inventoriniai numeriai, atskirti ;",
        "Related inventory numbers, by ;",
        "list",
        vocabulary="items",
    ),
]
# A declared field the list above does not place comes last.
COLUMNS += [
    column
    for item_field in ITEM_FIELDS
    if not any(c.name in item_field.columns for c in COLUMNS)
    for column in field_columns(item_field.name)
]
BY_NAME = {column.name: column for column in COLUMNS}
REQUIRED = ("inventory_number",)

# Where a validation problem about a record key is shown in the spreadsheet.
KEY_TO_COLUMN = {
    "title": "title_lt",
    "title.lt": "title_lt",
    "title.en": "title_en",
    "date": "year_earliest",
    "date.text": "date_text",
    "date.earliest": "year_earliest",
    "date.latest": "year_latest",
    "creators.role": "creators",
    **{item_field.name: f"{item_field.name}_lt" for item_field in ITEM_FIELDS if item_field.bilingual},
}


def column_for(record_field: str) -> str:
    return KEY_TO_COLUMN.get(record_field, record_field.replace(".", "_"))


def group_of(name: str) -> list[str]:
    """The columns that feed the same record key as this one (itself included)."""
    key = BY_NAME[name].record_key
    return [column.name for column in COLUMNS if column.record_key == key]


def closest_column(name: str) -> str | None:
    """The template column a mistyped header most likely meant, if any is close."""
    matches = difflib.get_close_matches(name.strip().lower(), list(BY_NAME), n=1, cutoff=0.6)
    return matches[0] if matches else None
