"""Klaipėda heritage archive: the Django/Wagtail project and its catalogue apps."""
