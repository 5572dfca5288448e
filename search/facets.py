"""Facet counts made readable: each value gets its label in the visitor's language."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from search.facet_table import FACET, FACETS, FacetRow
from search.query import SearchQuery
from search.results import Facet, FacetCount, FacetValue


def labels_for(facet: str, values: set[str], language: str) -> dict[str, str]:
    """Labels of the values a backend returned; one it no longer knows (a stale index) keeps its value."""
    return FACET[facet].labels(values, language)


def labelled_facets(counts: dict[str, list[FacetCount]], query: SearchQuery) -> list[Facet]:
    """Facets in the table's order, each value labelled; a chosen value stays listed (with 0) so it can always
    be unticked. A facet counted in full (query.every_value) shows its usual values and keeps the rest apart."""
    facets = []
    for facet in FACETS:
        values, more = usual_values(facet, list(counts.get(facet.name, [])))
        present = {value.value for value in values + more}
        values += [FacetCount(value=value, count=0) for value in query.selected(facet.name) if value not in present]
        if facet.chronological:
            values.sort(key=lambda value: int(value.value))
        elif facet.value_order:
            values.sort(key=lambda value: position(facet.value_order, value.value))
        labels = labels_for(facet.name, {value.value for value in values + more}, query.language)
        labelled = [
            FacetValue(
                value=value.value,
                label=labels.get(value.value, value.value),
                count=value.count,
                selected=value.value in query.selected(facet.name),
            )
            for value in values + more
        ]
        facets.append(
            Facet(name=facet.name, title=str(facet.title), values=labelled[: len(values)], more=labelled[len(values) :])
        )
    return facets


def usual_values(facet: FacetRow, values: list[FacetCount]) -> tuple[list[FacetCount], list[FacetCount]]:
    """The values a backend gives when it cuts the facet to its size (as picked by the terms aggregation), in
    the backend's order, and the others."""
    if len(values) <= facet.size:
        return values, []
    number = facet.index_type != "keyword"  # numbers order as numbers, keys as text
    value_key = (lambda value: int(value.value)) if number else (lambda value: value.value)
    picked = sorted(values, key=value_key if facet.by_value else lambda value: (-value.count, value_key(value)))
    kept = {value.value for value in picked[: facet.size]}
    return [value for value in values if value.value in kept], [value for value in values if value.value not in kept]


def position(order: tuple[str, ...], value: str) -> int:
    return order.index(value) if value in order else len(order)


def undated_value(count: int, query: SearchQuery) -> FacetValue:
    """The items with no date range, offered beside the years as one more thing to tick."""
    with override(query.language):
        label = str(_("Undated"))
    return FacetValue(value="1", label=label, count=count, selected=query.undated)
