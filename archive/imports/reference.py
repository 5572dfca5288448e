"""What an import accepts, for the admin's import page: the columns (from columns.py) with their help in
the curator's language, and for each vocabulary column the terms it accepts (key and both names), also
as a CSV to download, and an example row for the template built from terms that exist."""

import csv
import io
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Locale

from .columns import COLUMNS, Column
from .existing import collection_titles, languages, load_collections
from .template import EXAMPLE_INVENTORY_NUMBER
from .terms import Term, Vocabulary, load_vocabularies, subject_names

SUBJECTS = "subjects"  # free words: the ones in use are listed, any other is added


@dataclass
class ColumnHelp:
    name: str
    help: str
    vocabulary: str


@dataclass
class TermList:
    column: str
    vocabulary: str  # the page's anchor for the list, as problems.unknown_reason links to it
    terms: list[Term]
    free: bool = False  # any other value is accepted too (subjects)


def column_help(column: Column) -> str:
    return column.help_en if (get_language() or settings.LANGUAGE_CODE).startswith("en") else column.help_lt


def accepted_columns() -> list[ColumnHelp]:
    return [
        ColumnHelp(column.name, column_help(column), column.vocabulary or (SUBJECTS if column.name == SUBJECTS else ""))
        for column in COLUMNS
    ]


def vocabularies() -> dict[str, Vocabulary]:
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in languages()}
    return load_vocabularies(collection_titles(load_collections(locales)))


def term_lists() -> list[TermList]:
    """One list per vocabulary column, in the order of the columns (related items and rights URIs aside)."""
    loaded = vocabularies()
    lists = []
    for column in COLUMNS:
        if column.vocabulary in loaded:
            terms = sorted(loaded[column.vocabulary].terms, key=lambda term: term.key)
            lists.append(TermList(column.name, column.vocabulary, terms))
        elif column.name == SUBJECTS:
            lists.append(TermList(column.name, SUBJECTS, [Term(name, name) for name in subject_names()], free=True))
    return lists


def terms_csv() -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["column", "key", "name_lt", "name_en"])
    for term_list in term_lists():
        for term in term_list.terms:
            writer.writerow([term_list.column, term.key, term.name, term.name_en])
    return buffer.getvalue()


def example_row() -> dict[str, str]:
    """One row a curator can copy: every vocabulary column names a term that exists (empty when none does)."""
    first = {term_list.column: term_list.terms[0].key for term_list in term_lists() if term_list.terms}
    return {
        "inventory_number": EXAMPLE_INVENTORY_NUMBER,
        "collection": first.get("collection", ""),
        "title_lt": "Vitražas su laivu",
        "title_en": "Stained glass with a ship",
        "creators": f"{first['creators']}:artist" if "creators" in first else "",
        "date_text": "apie 1935 m.",
        "date_text_en": "c. 1935",
        "place": first.get("place", ""),
        "techniques": first.get("techniques", ""),
        "materials": first.get("materials", ""),
        "dimensions": "120 x 80 cm",
        "description_lt": "Trumpas aprašas.",
        "description_en": "A short description.",
        "subjects": "jūra; laivai",
        "rights": "",  # empty: the collection's default rights
    }
