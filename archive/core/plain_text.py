"""Stored rich text as plain text, declared once for every writer (exports, OAI-PMH, manifests)."""

from html import unescape

from django.utils.html import strip_tags
from django.utils.text import normalize_newlines


def plain_text(html: str) -> str:
    """Rich text as one-paragraph-per-line plain text, its character references read ("&amp;" is "&"):
    the XML and JSON writers escape the text themselves, so it must leave here unescaped."""
    text = unescape(strip_tags(html.replace("</p>", "</p>\n").replace("<br/>", "\n").replace("<br>", "\n")))
    lines = (" ".join(line.split()) for line in normalize_newlines(text).split("\n"))
    return "\n".join(line for line in lines if line)
