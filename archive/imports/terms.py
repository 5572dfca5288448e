"""The terms a spreadsheet may name, and reading a term as a curator writes it.

A vocabulary column (columns.py `vocabulary`) accepts a term's key, or its name in either language, in
any case and with or without accents ("Tapyba ant stiklo", "tapyba ant stiklo", "painted-glass"), as
long as the name belongs to one term only; the planner turns every such cell into keys before checking
it (`canonical_cells`), so a name shown in the public facets is accepted where its key is. Names the
curator cannot have meant exactly get the closest ones suggested, in the curator's language.
"""

import difflib
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import get_language
from taggit.models import Tag

from archive.vocabularies.models import Creator, Material, Place, Technique

from .columns import BY_NAME, LIST_SEPARATOR

TERM_MODELS = {"creators": Creator, "places": Place, "techniques": Technique, "materials": Material}
# Kinds of term that are easily put in each other's column (the public facet shows them together).
NEIGHBOURS = {"techniques": "materials", "materials": "techniques"}


def folded(text: str) -> str:
    """Case and accents left out: 'Vitražas' and 'VITRAZAS' fold alike."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().strip())
    return " ".join("".join(char for char in decomposed if not unicodedata.combining(char)).split())


@dataclass(frozen=True)
class Term:
    key: str
    name: str
    name_en: str = ""

    def label(self, language: str | None = None) -> str:
        language = language or get_language() or settings.LANGUAGE_CODE
        return self.name_en if language.startswith("en") and self.name_en else self.name


@dataclass
class Vocabulary:
    terms: list[Term]
    forms: dict[str, set[str]] = field(default_factory=dict)  # folded key or name: the keys it may mean

    def __post_init__(self):
        for term in self.terms:
            for form in {term.key, term.name, term.name_en} - {""}:
                self.forms.setdefault(folded(form), set()).add(term.key)

    @property
    def keys(self) -> set[str]:
        return {term.key for term in self.terms}

    def resolve(self, value: str) -> str | None:
        """The key this value names: itself, or the one term whose key or name it is, folded alike."""
        if value in self.keys:
            return value
        keys = self.forms.get(folded(value), set())
        return next(iter(keys)) if len(keys) == 1 else None

    def closest(self, value: str, count: int = 3) -> list[Term]:
        by_key = {term.key: term for term in self.terms}
        forms = difflib.get_close_matches(folded(value), list(self.forms), n=count * 2, cutoff=0.6)
        found = []
        for form in forms:
            for key in sorted(self.forms[form]):
                if by_key[key] not in found:
                    found.append(by_key[key])
        return found[:count]


def load_vocabularies(collection_titles: dict[str, tuple[str, str]]) -> dict[str, Vocabulary]:
    """Every vocabulary column's terms, in one query each; collections by slug with their titles."""
    vocabularies = {
        name: Vocabulary([Term(*row) for row in model.objects.values_list("key", "name", "name_en")])
        for name, model in TERM_MODELS.items()
    }
    vocabularies["collections"] = Vocabulary([Term(slug, *titles) for slug, titles in collection_titles.items()])
    return vocabularies


def subject_names() -> list[str]:
    return sorted(Tag.objects.values_list("name", flat=True), key=str.casefold)


def canonical_cells(cells: dict[str, str], vocabularies: dict[str, Vocabulary]) -> dict[str, str]:
    """The row's cells with every term its vocabulary columns name by a name written as its key."""
    result = dict(cells)
    for name, value in cells.items():
        column = BY_NAME.get(name)
        vocabulary = vocabularies.get(column.vocabulary) if column else None
        if vocabulary is None or not value.strip():
            continue
        if column.kind == "list":
            result[name] = f"{LIST_SEPARATOR} ".join(resolved(vocabulary, part) for part in split(value))
        elif column.kind == "creators":
            result[name] = f"{LIST_SEPARATOR} ".join(creator_part(vocabulary, part) for part in split(value))
        else:
            result[name] = resolved(vocabulary, value.strip())
    return result


def split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(LIST_SEPARATOR) if part.strip()]


def resolved(vocabulary: Vocabulary, value: str) -> str:
    return vocabulary.resolve(value) or value


def creator_part(vocabulary: Vocabulary, part: str) -> str:
    """'key:role' or 'Name:role': a name may itself hold ':', so the whole entry is tried first."""
    whole = vocabulary.resolve(part)
    if whole is not None:
        return whole
    key, separator, role = part.rpartition(":")
    if not separator:
        return part
    return f"{resolved(vocabulary, key.strip())}:{role.strip()}"
