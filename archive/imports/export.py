"""Items as a spreadsheet in the template's columns, as the importer reads them back: export, edit, import.

Each item is written as its latest revision has it (what a curator sees in the editor), so importing an
unedited export reports every row "unchanged". Cells are written as stored: unlike the public export
(archive/records/export_formats.py), a cell starting with "=" is not defused, because this file is
meant to be imported back and the values must survive exactly; it is only offered to the import's users.
"""

import csv
import io

from django.conf import settings
from wagtail.models import Locale

from archive.catalogue.models import ItemPage

from .columns import COLUMNS
from .existing import languages, load_collections, load_items, load_names
from .records import KeyNames


def items_csv(numbers: list[str] | None = None) -> str:
    """The items with these inventory numbers (all items when None), in inventory number order."""
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in languages()}
    names: KeyNames = load_names(load_collections(locales))
    if numbers is None:
        numbers = list(
            ItemPage.objects.filter(locale=locales[settings.LANGUAGE_CODE]).values_list("inventory_number", flat=True)
        )
    items = load_items(sorted(set(numbers)), locales, names)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([column.name for column in COLUMNS])
    for number in sorted(items):
        writer.writerow([items[number].row[column.name] for column in COLUMNS])
    return buffer.getvalue()
