"""The documented column set of an item spreadsheet, and how each column becomes a record key."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    name: str
    help_lt: str
    help_en: str
    kind: str = "text"  # text | list | int | creators | bilingual-lt | bilingual-en


LIST_SEPARATOR = ";"

COLUMNS = [
    Column("inventory_number", "Inventorinis numeris (privalomas; pagal jį atnaujinama)",
           "Inventory number (required; rows update items by it)"),
    Column("collection", "Kolekcijos adresas (slug), privalomas naujiems įrašams",
           "Collection slug, required for new items"),
    Column("title_lt", "Pavadinimas lietuviškai", "Title in Lithuanian", "bilingual-lt"),
    Column("title_en", "Pavadinimas angliškai", "Title in English", "bilingual-en"),
    Column("alternative_titles", "Kiti pavadinimai, atskirti ;", "Alternative titles, separated by ;", "list"),
    Column("creators", "Kūrėjai: raktas:vaidmuo; raktas:vaidmuo", "Creators: key:role; key:role", "creators"),
    Column("date_text", "Data, kaip parašyta šaltinyje", "Date as the source gives it (Lithuanian)"),
    Column("date_text_en", "Data angliškai", "Date in English"),
    Column("year_earliest", "Ankstyviausi metai (tušti: skaitoma iš datos)", "Earliest year (empty: read from date)",
           "int"),
    Column("year_latest", "Vėliausi metai", "Latest year", "int"),
    Column("place", "Vietos raktas", "Place key"),
    Column("techniques", "Technikų raktai, atskirti ;", "Technique keys, separated by ;", "list"),
    Column("materials", "Medžiagų raktai, atskirti ;", "Material keys, separated by ;", "list"),
    Column("dimensions", "Matmenys", "Dimensions"),
    Column("description_lt", "Aprašas lietuviškai", "Description in Lithuanian", "bilingual-lt"),
    Column("description_en", "Aprašas angliškai", "Description in English", "bilingual-en"),
    Column("inscriptions", "Įrašai", "Inscriptions"),
    Column("provenance_lt", "Kilmė lietuviškai", "Provenance in Lithuanian", "bilingual-lt"),
    Column("provenance_en", "Kilmė angliškai", "Provenance in English", "bilingual-en"),
    Column("condition_lt", "Būklė lietuviškai", "Condition in Lithuanian", "bilingual-lt"),
    Column("condition_en", "Būklė angliškai", "Condition in English", "bilingual-en"),
    Column("subjects", "Temos, atskirtos ;", "Subjects, separated by ;", "list"),
    Column("rights", "Teisių URI (RightsStatements.org arba Creative Commons)",
           "Rights URI (RightsStatements.org or Creative Commons)"),
    Column("credit_line_lt", "Priskyrimas lietuviškai", "Credit line in Lithuanian", "bilingual-lt"),
    Column("credit_line_en", "Priskyrimas angliškai", "Credit line in English", "bilingual-en"),
    Column("related", "Susijusių įrašų inventoriniai numeriai, atskirti ;", "Related inventory numbers, by ;",
           "list"),
]
BY_NAME = {column.name: column for column in COLUMNS}
REQUIRED = ("inventory_number",)

# Where a validation problem about a record key is shown in the spreadsheet.
KEY_TO_COLUMN = {
    "title": "title_lt", "date": "year_earliest", "date.text": "date_text", "date.earliest": "year_earliest",
    "date.latest": "year_latest", "creators.role": "creators", "description": "description_lt",
    "provenance": "provenance_lt", "condition": "condition_lt", "credit_line": "credit_line_lt",
}


def column_for(record_field: str) -> str:
    return KEY_TO_COLUMN.get(record_field, record_field.replace(".", "_"))
