"""Bulk import of item metadata from CSV and XLSX spreadsheets (the column set is in columns.py)."""
