"""Bulk import of item metadata from CSV and XLSX spreadsheets, and bulk upload of item images.

A spreadsheet flows: table.py (read the file whole, or refuse it) -> plan.py (check every row against the
catalogue, existing.py, and the importer's permissions, permissions.py; nothing is written) -> apply.py
(one transaction) -> write.py (pages built with the seed loader's field setters, inserted with tree.py,
cluster.py, history.py and moderation.py) -> aftercare.py (what signal handlers would do, in bulk).
export.py writes items back in the same columns.

To add a column: declare it in columns.py (its record key, model field and vocabulary), read it in
records.row_to_record and write it in records.page_as_row; the template, the length checks, the
messages and the column-by-column test follow from the declaration.
"""
