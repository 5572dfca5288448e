"""How an import words what is wrong with a file or a row: always naming the column, and for a key that
names nothing, which keys are valid or where to find them. Messages go through gettext (the admin shows
them in Lithuanian; the command prints them in English)."""

import difflib
from collections.abc import Collection
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from archive.catalogue.seed.validation import Checker

from .columns import BY_NAME, closest_column, column_for
from .seed_reasons import in_language
from .terms import NEIGHBOURS, Term, Vocabulary, folded

LISTED_IN_FULL = 12  # a vocabulary this small is listed in the message itself


def unknown_reason(
    vocabulary: str, value: Any, known: Collection[str], vocabularies: dict[str, Vocabulary] | None = None
) -> str:
    """'unknown place key 'x'; did you mean 'y' (its name)? valid: ...' or where the keys are listed."""
    nouns = {
        "creators": _("unknown creator key '%(key)s'"),
        "places": _("unknown place key '%(key)s'"),
        "techniques": _("unknown technique key '%(key)s'"),
        "materials": _("unknown material key '%(key)s'"),
        "items": _("no item has the inventory number '%(key)s' (in the catalogue or earlier in this file)"),
        "collections": _("no collection '%(key)s'"),
        "rights": _("unknown rights URI '%(key)s'"),
    }
    parts = [nouns[vocabulary] % {"key": value}]
    terms = (vocabularies or {}).get(vocabulary)
    neighbour = other_kind(vocabulary, str(value), vocabularies or {})
    if neighbour:
        parts.append(neighbour)
    close = (
        [described(term) for term in terms.closest(str(value))]
        if terms is not None
        else [f"'{key}'" for key in difflib.get_close_matches(str(value), sorted(known), n=3, cutoff=0.6)]
    )
    if close:
        parts.append(_("did you mean %(keys)s?") % {"keys": ", ".join(close)})
    if vocabulary == "items":
        return "; ".join(parts)
    if known and len(known) <= LISTED_IN_FULL:
        listed = sorted(terms.terms, key=lambda term: term.key) if terms is not None else None
        keys = [described(term, quoted=False) for term in listed] if listed else sorted(known)
        parts.append(_("valid: %(keys)s") % {"keys": ", ".join(keys)})
    elif terms is not None:
        url = f"{reverse('imports:upload')}#terms-{vocabulary}"
        parts.append(_("the accepted keys and names are listed on the Import items page (%(url)s)") % {"url": url})
    else:
        parts.append(_("none are defined yet") if not known else _("%(count)s are valid") % {"count": len(known)})
    return "; ".join(parts)


def described(term: Term, quoted: bool = True) -> str:
    """A term as a suggestion: its key, and its name in the curator's language when that says more."""
    key = f"'{term.key}'" if quoted else term.key
    label = term.label()
    return key if folded(label) == folded(term.key) else f"{key} ({label})"


def other_kind(vocabulary: str, value: str, vocabularies: dict[str, Vocabulary]) -> str:
    """A material written among the techniques (or the other way round), as the public facet mixes them."""
    neighbour = NEIGHBOURS.get(vocabulary)
    if neighbour is None or neighbour not in vocabularies or vocabularies[neighbour].resolve(value) is None:
        return ""
    messages = {
        "materials": _("'%(value)s' is a material: put it in the column '%(column)s'"),
        "techniques": _("'%(value)s' is a technique: put it in the column '%(column)s'"),
    }
    return messages[neighbour] % {"value": value, "column": neighbour}


class ColumnChecker(Checker):
    """Reports the loader's record fields under the spreadsheet's column names, and unknown keys with hints."""

    def __init__(self, inner: Checker, vocabularies: dict[str, Vocabulary] | None = None):
        super().__init__(inner.file, inner.record, inner.problems)
        self.vocabularies = vocabularies or {}

    def fail(self, field: str, reason: str) -> None:
        super().fail(column_for(field), in_language(reason))

    def unknown(self, field: str, value: Any, known: Collection[str], reason: str) -> None:
        column = BY_NAME.get(column_for(field))
        if column is None or not column.vocabulary:
            super().unknown(field, value, known, reason)
            return
        self.fail(field, unknown_reason(column.vocabulary, value, known, self.vocabularies))


def unknown_columns_problem(names: list[str]) -> str:
    described = []
    for name in names:
        suggestion = closest_column(name)
        described.append(
            _("'%(name)s' (did you mean '%(column)s'?)") % {"name": name, "column": suggestion}
            if suggestion
            else f"'{name}'"
        )
    return _(
        "unknown column(s) %(columns)s: use the columns of the template (import_items --template, or "
        "'Download the template' in the admin)"
    ) % {"columns": ", ".join(described)}


def too_long(value: str, limit: int, is_entry: bool) -> str:
    if is_entry:
        return _("'%(start)s…' is %(length)s characters long; each entry may have at most %(limit)s") % {
            "start": value[:30],
            "length": len(value),
            "limit": limit,
        }
    return _("is %(length)s characters long; at most %(limit)s fit") % {"length": len(value), "limit": limit}


def control_character(value: str) -> str | None:
    """A character that cannot be stored or shown (NUL and the other C0 controls but tab and line breaks)."""
    for position, character in enumerate(value, start=1):
        if ord(character) < 32 and character not in "\t\n":
            return _("contains the control character U+%(code)04X at position %(position)s; remove it") % {
                "code": ord(character),
                "position": position,
            }
    return None


def formula_without_result(formula: str) -> str:
    return _(
        "holds a formula whose result is not saved in the file (%(formula)s): open and save the workbook in "
        "a spreadsheet program, or paste the values"
    ) % {"formula": formula[:60]}
