"""Facet counts of the database backend over the matching items.

What lives on the item row (its years, place, state and collection) comes with the ids the backend reads
anyway (ITEM_COLUMNS) and is counted here; each relation (creators, techniques, materials, subjects) is
one GROUP BY on its link table's ids, in SQL, and the few ids counted are named by their keys after.
Counts are what the Elasticsearch backend gives: an item counts once per value; the 30 values with most
items are kept (ties by value), decades as the terms aggregation picks them, centuries all.
"""

from collections import Counter
from collections.abc import Sequence

from django.db.models import Count
from taggit.models import Tag
from wagtail.models import Page

from archive.catalogue.models import CollectionPage, ItemCreator, ItemPage, ItemTag
from archive.vocabularies.models import Creator, Material, Place, Technique
from search.backends.database_ids import among
from search.query import DECADES_SHOWN, FACETS, centuries_between, decades_between
from search.results import FacetCount

COLLECTION_DEPTH = 3  # root, home page, collection
ITEM_COLUMNS = ("pk", "year_earliest", "year_latest", "place_id", "work_status", "path")
Row = tuple[int, int | None, int | None, int | None, str, str]  # ITEM_COLUMNS of one item


def facet_counts(ids: Sequence[int], rows: dict[int, Row]) -> tuple[dict[str, list[FacetCount]], int]:
    """Counts of every facet's values among these items (`rows` holds each one's ITEM_COLUMNS), and the
    number of them that are undated."""
    matched, items = among(ids), [rows[pk] for pk in ids]
    ranges = Counter((first, last) for _, first, last, *_ in items)
    centuries, decades = Counter(), Counter()
    for (first, last), n in ranges.items():
        for century in centuries_between(first, last):
            centuries[century] += n
        for decade in decades_between(first, last):
            decades[decade] += n
    counts = {
        "collection": collection_counts(items),
        "creator": linked(ItemCreator, "item_id", "creator_id", matched, Creator),
        "place": named(Counter(row[3] for row in items if row[3] is not None), Place),
        "technique": (linked(ItemPage.techniques.through, "itempage_id", "technique_id", matched, Technique)
                      + linked(ItemPage.materials.through, "itempage_id", "material_id", matched, Material)),
        "subject": linked(ItemTag, "content_object_id", "tag_id", matched, Tag, key="slug"),
        "century": centuries,
        "decade": decades,
        "state": Counter(row[4] for row in items if row[4]),
    }
    undated = sum(n for (first, last), n in ranges.items() if first is None or last is None)
    return {facet: as_facet_counts(facet, counts[facet]) for facet in FACETS}, undated


def linked(link_model, item: str, term: str, matched, term_model, key: str = "key") -> Counter:
    """How many of the matched items each term is linked to, by the term's key."""
    by_id = (link_model.objects.filter(**{f"{item}__in": matched}).order_by().values_list(term)
             .annotate(n=Count(item, distinct=True)))
    return named(Counter(dict(by_id)), term_model, key)


def named(by_id: Counter, model, key: str = "key") -> Counter:
    keys = dict(model.objects.filter(pk__in=list(by_id)).values_list("pk", key))
    named_counts = Counter()
    for pk, n in by_id.items():
        if pk in keys:
            named_counts[keys[pk]] += n
    return named_counts


def collection_counts(items: list[Row]) -> Counter:
    by_path = Counter(row[5][: COLLECTION_DEPTH * Page.steplen] for row in items)
    slugs = dict(CollectionPage.objects.filter(path__in=list(by_path)).values_list("path", "slug"))
    return Counter({slugs[path]: n for path, n in by_path.items() if path in slugs})


def as_facet_counts(facet: str, counts: Counter) -> list[FacetCount]:
    if facet == "century":
        pairs = sorted(counts.items())
    elif facet == "decade":
        # As the Elasticsearch terms aggregation picks them: most items first, an earlier decade on a tie.
        pairs = sorted(sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))[:DECADES_SHOWN])
    else:
        pairs = sorted(counts.items(), key=lambda pair: (-pair[1], str(pair[0])))[:30]
    return [FacetCount(value=str(value), count=n) for value, n in pairs if value is not None]
