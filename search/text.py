"""What a visitor types into a search box, made safe for every engine.

Two strengths. `searchable_text` is applied where the text comes in (the search page, the JSON API, the
exports): it keeps whatever a person can type and see, and drops what no engine or database takes (NUL
and the other control characters, unpaired surrogates, unassigned code points), so the text can be echoed,
stored in a URL and sent to Elasticsearch as it is. `plain_terms` is what Wagtail's database backend is
given (search/wagtail_backend.py): letters, marks and digits only, so nothing typed can be read as
full-text syntax (SQLite FTS5 quotes and operators, PostgreSQL tsquery, MySQL boolean mode). Their word
splitters break words at the same characters, so plain terms find what the text would have found.
"""

import unicodedata

MAX_LENGTH = 200  # characters of search text: the API refuses more, the page searches the first ones
SPACE_LIKE = frozenset({"Cc", "Cs", "Cn", "Co", "Zl", "Zp"})  # controls, surrogates, unassigned, private use
INVISIBLE = frozenset({"Cf"})  # soft hyphens, joiners, direction marks: dropped inside a word
WORD_CLASSES = frozenset("LMN")  # letters, combining marks, digits


def searchable_text(text: str) -> str:
    """The text with unusable characters gone and runs of space made one; NFC, so "ž" is one letter."""
    kept = []
    for character in text:
        category = unicodedata.category(character)
        if category in SPACE_LIKE:
            kept.append(" ")
        elif category not in INVISIBLE:
            kept.append(character)
    return " ".join(unicodedata.normalize("NFC", "".join(kept)).split())


def plain_terms(text: str) -> str:
    """The words of the text, at most MAX_LENGTH characters of them, separated by single spaces."""
    words = "".join(
        character if unicodedata.category(character)[0] in WORD_CLASSES else " "
        for character in searchable_text(text)[:MAX_LENGTH]
    )
    return " ".join(words.split())
