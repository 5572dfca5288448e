"""Facet counts of the database backend over the matching items; the facet table (search/facet_table.py)
names how each facet is counted, with the means below.

What lives on the item row (its years, place, state and collection) comes with the ids the backend reads
anyway (ITEM_COLUMNS) and is counted here; each relation (creators, techniques, materials, subjects) is
one GROUP BY on its link table's ids, in SQL, and the few ids counted are named by their keys after.
Counts are what the Elasticsearch backend gives: an item counts once per value; a facet keeps as many values
as its size, those with most items (ties by value), or the first by value for one picked by value.
"""

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from django.db.models import Count
from wagtail.models import Page

from archive.catalogue.models import CollectionPage
from search.backends.database_ids import among
from search.query import SearchQuery
from search.results import FacetCount

COLLECTION_DEPTH = 3  # root, home page, collection
ITEM_COLUMNS = ("pk", "year_earliest", "year_latest", "place_id", "work_status", "path")
Row = tuple[int, int | None, int | None, int | None, str, str]  # ITEM_COLUMNS of one item


@dataclass(frozen=True)
class Matches:
    """The matching items: their ids as a subquery for the link tables, their rows, their date ranges."""

    ids: object
    items: list[Row]
    ranges: Counter  # (earliest, latest) -> how many of the items have it


Counting = Callable[[Matches], Counter]  # a facet's count of each value among the matches


def facet_counts(
    ids: Sequence[int], rows: dict[int, Row], facets: Iterable, query: SearchQuery
) -> tuple[dict[str, list[FacetCount]], int]:
    """Counts of every facet's values among these items (`rows` holds each one's ITEM_COLUMNS), and the
    number of them that are undated."""
    items = [rows[pk] for pk in ids]
    matches = Matches(among(ids), items, Counter((first, last) for _, first, last, *_ in items))
    undated = sum(n for (first, last), n in matches.ranges.items() if first is None or last is None)
    return {
        facet.name: as_facet_counts(facet, facet.count(matches), facet.size_for(query)) for facet in facets
    }, undated


def linked(link_model, item: str, term: str, term_model, key: str = "key") -> Counting:
    """How many of the matched items each term is linked to, by the term's key."""

    def count(matches: Matches) -> Counter:
        by_id = (
            link_model.objects.filter(**{f"{item}__in": matches.ids})
            .order_by()
            .values_list(term)
            .annotate(n=Count(item, distinct=True))
        )
        return named(Counter(dict(by_id)), term_model, key)

    return count


def column(name: str, term_model=None) -> Counting:
    """The values of one of ITEM_COLUMNS, named by the term's key when it is a term's id."""
    index = ITEM_COLUMNS.index(name)

    def count(matches: Matches) -> Counter:
        values = Counter(row[index] for row in matches.items if row[index] not in (None, ""))
        return values if term_model is None else named(values, term_model)

    return count


def spans(between: Callable[[int | None, int | None], list[int]]) -> Counting:
    """Every span (century, decade) each item's date range touches, as `between` lists them."""

    def count(matches: Matches) -> Counter:
        counted = Counter()
        for (first, last), n in matches.ranges.items():
            for span in between(first, last):
                counted[span] += n
        return counted

    return count


def added(*countings: Counting) -> Counting:
    """One facet over several relations (techniques and materials)."""
    return lambda matches: sum((counting(matches) for counting in countings), Counter())


def named(by_id: Counter, model, key: str = "key") -> Counter:
    keys = dict(model.objects.filter(pk__in=list(by_id)).values_list("pk", key))
    named_counts = Counter()
    for pk, n in by_id.items():
        if pk in keys:
            named_counts[keys[pk]] += n
    return named_counts


def collections(matches: Matches) -> Counter:
    by_path = Counter(row[5][: COLLECTION_DEPTH * Page.steplen] for row in matches.items)
    slugs = dict(CollectionPage.objects.filter(path__in=list(by_path)).values_list("path", "slug"))
    return Counter({slugs[path]: n for path, n in by_path.items() if path in slugs})


def as_facet_counts(facet, counts: Counter, size: int) -> list[FacetCount]:
    """As the Elasticsearch terms aggregation picks them: most items first, the lower value on a tie (or the
    lowest values, for a facet picked by value); a chronological facet then in time order."""
    pairs = [(value, n) for value, n in counts.items() if value is not None]
    pairs = sorted(pairs)[:size] if facet.by_value else sorted(pairs, key=lambda pair: (-pair[1], pair[0]))[:size]
    if facet.chronological:
        pairs.sort()
    return [FacetCount(value=str(value), count=n) for value, n in pairs]
