"""The label of each facet value in a language, one function per kind of value; the facet table
(search/facet_table.py) names which one a facet uses. A value the catalogue no longer holds (a stale index)
gets no label, and keeps its value."""

from collections.abc import Callable

from django.utils.text import capfirst
from django.utils.translation import override

from archive.catalogue.models import CollectionPage, WorkStatus
from archive.vocabularies.models import subject_labels

Labels = Callable[[set[str], str], dict[str, str]]  # values, language -> label of each value known
ROMAN = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(number: int) -> str:
    digits = []
    for value, letters in ROMAN:
        while number >= value:
            digits.append(letters)
            number -= value
    return "".join(digits)


def century_label(century: int, language: str) -> str:
    if language == "lt":
        return f"{roman(century)} a."
    suffix = "th" if 10 <= century % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(century % 10, "th")
    return f"{century}{suffix} century"


def decade_label(decade: int, language: str) -> str:
    # "1930–1939 m." rather than "XX a. 4-asis dešimtmetis": readable without the century beside it.
    return f"{decade}–{decade + 9} m." if language == "lt" else f"{decade}s"


def state_label(state: str, language: str) -> str:
    """The model's own label, in the language of the search (the API's `lang` need not be the active one)."""
    with override(language):
        return capfirst(str(WorkStatus(state).label))


def centuries(values: set[str], language: str) -> dict[str, str]:
    return {value: century_label(int(value), language) for value in values}


def decades(values: set[str], language: str) -> dict[str, str]:
    return {value: decade_label(int(value), language) for value in values}


def states(values: set[str], language: str) -> dict[str, str]:
    return {value: state_label(value, language) for value in values if value in WorkStatus.values}


def collections(values: set[str], language: str) -> dict[str, str]:
    pages = CollectionPage.objects.filter(slug__in=values, locale__language_code=language)
    return {page.slug: page.title for page in pages}


def subjects(values: set[str], language: str) -> dict[str, str]:
    return subject_labels(values, language)


def terms(*models) -> Labels:
    """Labels of vocabulary terms by key, from any of these models (a technique or a material)."""

    def labels(values: set[str], language: str) -> dict[str, str]:
        return {term.key: term.label for model in models for term in model.objects.filter(key__in=values)}

    return labels
