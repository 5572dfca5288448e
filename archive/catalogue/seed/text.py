"""Text helpers shared by the seed loader and the importer: bilingual values and paragraphs."""

from typing import Any

from django.utils.html import escape


def pick(value: Any, language: str) -> str:
    """The text of a bilingual {lt, en} value in one language, falling back to Lithuanian."""
    if isinstance(value, dict):
        return value.get(language) or value.get("lt") or ""
    return value or ""


def paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(part.strip())}</p>" for part in text.split("\n\n") if part.strip())
