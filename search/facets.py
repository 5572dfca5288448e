"""Facet counts made readable: each value gets its label in the visitor's language."""

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from archive.catalogue.models import CollectionPage, WorkStatus
from archive.vocabularies.models import Creator, Material, Place, Technique, subject_labels
from search.query import CHRONOLOGICAL_FACETS, FACETS, SearchQuery
from search.results import Facet, FacetCount, FacetValue

FACET_TITLES = {
    "collection": _("Collection"),
    "creator": _("Creator"),
    "place": _("Place"),
    "technique": _("Technique or material"),
    "subject": _("Subject"),
    "century": _("Century"),
    "decade": _("Decade"),
    "state": _("Current state"),
}
STATE_ORDER = {state: position for position, state in enumerate(WorkStatus.values)}
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


def labels_for(facet: str, values: set[str], language: str) -> dict[str, str]:
    """Labels of the values a backend returned; one it no longer knows (a stale index) keeps its value."""
    if facet == "century":
        return {value: century_label(int(value), language) for value in values}
    if facet == "decade":
        return {value: decade_label(int(value), language) for value in values}
    if facet == "state":
        return {value: state_label(value, language) for value in values if value in STATE_ORDER}
    if facet == "collection":
        pages = CollectionPage.objects.filter(slug__in=values, locale__language_code=language)
        return {page.slug: page.title for page in pages}
    if facet == "subject":
        return subject_labels(values, language)
    models = {"creator": [Creator], "place": [Place], "technique": [Technique, Material]}[facet]
    return {term.key: term.label for model in models for term in model.objects.filter(key__in=values)}


def labelled_facets(counts: dict[str, list[FacetCount]], query: SearchQuery) -> list[Facet]:
    """Facets in display order; a chosen value stays listed (with 0) so it can always be unticked."""
    facets = []
    for name in FACETS:
        values = list(counts.get(name, []))
        present = {value.value for value in values}
        values += [FacetCount(value=value, count=0) for value in query.selected(name) if value not in present]
        if name in CHRONOLOGICAL_FACETS:
            values.sort(key=lambda value: int(value.value))
        elif name == "state":  # the model's order, from surviving to lost
            values.sort(key=lambda value: STATE_ORDER.get(value.value, len(STATE_ORDER)))
        labels = labels_for(name, {value.value for value in values}, query.language)
        facets.append(Facet(name=name, title=str(FACET_TITLES[name]), values=[
            FacetValue(value=value.value, label=labels.get(value.value, value.value), count=value.count,
                       selected=value.value in query.selected(name))
            for value in values
        ]))
    return facets


def undated_value(count: int, query: SearchQuery) -> FacetValue:
    """The items with no date range, offered beside the years as one more thing to tick."""
    with override(query.language):
        label = str(_("Undated"))
    return FacetValue(value="1", label=label, count=count, selected=query.undated)
