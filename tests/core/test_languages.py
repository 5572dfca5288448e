"""The site's languages are declared once, in settings.LANGUAGES: no module lists them again."""

import re
from pathlib import Path

from django.conf import settings

from archive.catalogue.seed import writer
from archive.manifests import languages
from search import documents

ROOT = Path(__file__).resolve().parents[2]
LISTED = re.compile(r"""[(\[{]\s*["']lt["']\s*,\s*["']en["']\s*[)\]}]""")


def test_modules_read_the_languages_from_settings():
    codes = tuple(code for code, _name in settings.LANGUAGES)
    assert writer.LANGUAGES == languages.LANGUAGES == documents.LANGUAGES == codes


def test_no_module_lists_the_languages_again():
    listed = [
        str(path.relative_to(ROOT))
        for package in ("archive", "media", "search")
        for path in (ROOT / package).rglob("*.py")
        if "migrations" not in path.parts and "settings" not in path.parts and LISTED.search(path.read_text())
    ]
    assert listed == []
