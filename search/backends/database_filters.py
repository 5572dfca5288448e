"""The database backend's filter of each kind of facet: the items having any of the chosen values, relations
as subqueries so no item is listed twice. The facet table (search/facet_table.py) names each facet's."""

from collections.abc import Callable

from django.db.models import F, Q

from archive.catalogue.models import CollectionPage, ItemCreator, ItemPage, ItemTag
from search.query import MAX_DECADE_SPAN, century_years, decade_years

Filter = Callable[[tuple[str, ...]], Q]


def in_collections(values: tuple[str, ...]) -> Q:
    in_collection = Q(pk__in=[])
    for path in CollectionPage.objects.filter(slug__in=values).values_list("path", flat=True):
        in_collection |= Q(path__startswith=path)
    return in_collection


def by_creators(values: tuple[str, ...]) -> Q:
    return Q(pk__in=ItemCreator.objects.filter(creator__key__in=values).values("item_id"))


def in_places(values: tuple[str, ...]) -> Q:
    return Q(place__key__in=values)


def by_techniques_or_materials(values: tuple[str, ...]) -> Q:
    return with_terms(Q(technique__key__in=values), Q(material__key__in=values))


def about_subjects(values: tuple[str, ...]) -> Q:
    return Q(pk__in=ItemTag.objects.filter(tag__slug__in=values).values("content_object_id"))


def in_states(values: tuple[str, ...]) -> Q:
    return Q(work_status__in=values)


def overlapping(years: Callable[[int], tuple[int, int]]) -> Filter:
    """Items whose date range overlaps any of the chosen spans (`years` gives a value's first and last year)."""

    def chosen(values: tuple[str, ...]) -> Q:
        overlap = Q(pk__in=[])
        for value in values:
            first, last = years(int(value))
            overlap |= Q(year_earliest__lte=last, year_latest__gte=first)
        return overlap

    return chosen


in_centuries = overlapping(century_years)


def in_decades(values: tuple[str, ...]) -> Q:
    """As decades_between: an item dated to more than MAX_DECADE_SPAN years is in no decade."""
    return overlapping(decade_years)(values) & Q(year_latest__lt=F("year_earliest") + MAX_DECADE_SPAN)


def with_terms(techniques: Q, materials: Q) -> Q:
    """The items with a technique matching `techniques` or a material matching `materials`."""
    return Q(pk__in=ItemPage.techniques.through.objects.filter(techniques).values("itempage_id")) | Q(
        pk__in=ItemPage.materials.through.objects.filter(materials).values("itempage_id")
    )
