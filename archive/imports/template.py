"""The downloadable import template: the header row and a row of help text in both languages."""

import csv
import io

from .columns import COLUMNS


def template_csv() -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([column.name for column in COLUMNS])
    writer.writerow([f"# {column.help_lt} / {column.help_en}" for column in COLUMNS])
    return buffer.getvalue()
