"""Facet counts made readable: each value gets its label in the visitor's language."""

from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from archive.catalogue.models import CollectionPage
from archive.vocabularies.models import Creator, Material, Place, Technique
from search.query import FACETS, SearchQuery
from search.results import Facet, FacetCount, FacetValue

FACET_TITLES = {
    "collection": _("Collection"),
    "creator": _("Creator"),
    "place": _("Place"),
    "technique": _("Technique or material"),
    "subject": _("Subject"),
    "century": _("Century"),
}
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


def labels_for(facet: str, values: set[str], language: str) -> dict[str, str]:
    if facet == "century":
        return {value: century_label(int(value), language) for value in values}
    if facet == "collection":
        pages = CollectionPage.objects.filter(slug__in=values, locale__language_code=language)
        return {page.slug: page.title for page in pages}
    if facet == "subject":
        return dict(Tag.objects.filter(slug__in=values).values_list("slug", "name"))
    models = {"creator": [Creator], "place": [Place], "technique": [Technique, Material]}[facet]
    return {term.key: term.label for model in models for term in model.objects.filter(key__in=values)}


def labelled_facets(counts: dict[str, list[FacetCount]], query: SearchQuery) -> list[Facet]:
    """Facets in display order; a chosen value stays listed (with 0) so it can always be unticked."""
    facets = []
    for name in FACETS:
        values = list(counts.get(name, []))
        present = {value.value for value in values}
        values += [FacetCount(value=value, count=0) for value in query.selected(name) if value not in present]
        labels = labels_for(name, {value.value for value in values}, query.language)
        facets.append(Facet(name=name, title=str(FACET_TITLES[name]), values=[
            FacetValue(value=value.value, label=labels.get(value.value, value.value), count=value.count,
                       selected=value.value in query.selected(name))
            for value in values
        ]))
    return facets
