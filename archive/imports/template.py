"""The downloadable import template: the header row, a row of help text in both languages, and (in the
admin's download) one example row."""

import csv
import io

from .columns import COLUMNS

# The example row's inventory number: an import refuses a row that still carries it (plan.check_example).
EXAMPLE_INVENTORY_NUMBER = "PVZ-001"


def template_csv(example: dict[str, str] | None = None) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([column.name for column in COLUMNS])
    writer.writerow([f"# {column.help_lt} / {column.help_en}" for column in COLUMNS])
    if example:
        writer.writerow([example.get(column.name, "") for column in COLUMNS])
    return buffer.getvalue()
