"""The database backend as it was before its fast path (issue 17): the straightforward reference that
the tests and `bench/search_benchmark.py --backend database --check` compare search/backends/database.py
with. Every facet is counted by its own query over the matches, decades and centuries in Python.
Frozen on purpose: a change to what the search answers belongs in both, and the comparison shows it. It counts
each facet its own way, but takes the facets and their sizes from the facet table: a facet added there and
not here fails the comparison (KeyError).
"""

from collections import Counter

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import Substr
from wagtail.models import Page
from wagtail.search.query import Or, PlainText

from archive.catalogue.models import CollectionPage, ItemCreator, ItemPage, ItemTag
from archive.vocabularies.models import Creator, Material, Technique
from search.facet_table import FACETS
from search.query import (
    MAX_DECADE_SPAN,
    SearchQuery,
    centuries_between,
    century_years,
    decade_years,
    decades_between,
)
from search.results import FacetCount, SearchHit, SearchResults
from search.stemming import query_forms

ORDERINGS = {
    "date": (F("year_earliest").asc(nulls_last=True), "title"),
    "-date": (F("year_latest").desc(nulls_last=True), "title"),
    "title": ("title", "pk"),
    "relevance": ("title", "pk"),
}
COLLECTION_DEPTH = 3  # root, home page, collection
UNDATED = Q(year_earliest__isnull=True) | Q(year_latest__isnull=True)


class ReferenceDatabaseBackend:
    def search(self, query: SearchQuery) -> SearchResults:
        filtered = self.filtered(query)
        if not query.text:
            return self.page_of(filtered, query, ranked_ids=None)
        ranked = self.ranked_ids(filtered, query.text, query.language)
        vocabulary_q = self.vocabulary_q(query.text)
        extra = []
        if vocabulary_q is not None:
            extra = list(
                filtered.filter(vocabulary_q)
                .exclude(pk__in=ranked)
                .order_by("title")
                .values_list("pk", flat=True)
                .distinct()
            )
        matched = filtered.filter(pk__in=ranked + extra)
        return self.page_of(matched, query, ranked_ids=ranked + extra)

    def filtered(self, query: SearchQuery) -> QuerySet:
        items = ItemPage.objects.live().public().filter(locale__language_code=query.language)
        for facet, values in query.filters.items():
            items = items.filter(self.facet_q(facet, values))
        if query.year_to is not None:
            items = items.filter(year_earliest__lte=query.year_to)
        if query.year_from is not None:
            items = items.filter(year_latest__gte=query.year_from)
        if query.undated:
            items = items.filter(UNDATED)
        return items

    @staticmethod
    def facet_q(facet: str, values: tuple[str, ...]) -> Q:
        if facet == "collection":
            in_collection = Q(pk__in=[])
            for path in CollectionPage.objects.filter(slug__in=values).values_list("path", flat=True):
                in_collection |= Q(path__startswith=path)
            return in_collection
        if facet == "creator":
            return Q(pk__in=ItemCreator.objects.filter(creator__key__in=values).values("item_id"))
        if facet == "place":
            return Q(place__key__in=values)
        if facet == "technique":
            return Q(techniques__key__in=values) | Q(materials__key__in=values)
        if facet == "subject":
            return Q(subjects__slug__in=values)
        if facet == "state":
            return Q(work_status__in=values)
        if facet == "decade":
            decade_q = Q(pk__in=[])
            for decade in values:
                first, last = decade_years(int(decade))
                decade_q |= Q(year_earliest__lte=last, year_latest__gte=first)
            return decade_q & Q(year_latest__lt=F("year_earliest") + MAX_DECADE_SPAN)
        century_q = Q(pk__in=[])
        for century in values:
            first, last = century_years(int(century))
            century_q |= Q(year_earliest__lte=last, year_latest__gte=first)
        return century_q

    @staticmethod
    def ranked_ids(filtered: QuerySet, text: str, language: str) -> list[int]:
        """Every word as typed, or every word's stem in the language searched (ItemPage.search_stems)."""
        words = Or([PlainText(form, operator="and") for form in [text, *query_forms(text, language)]])
        results = ItemPage.objects.filter(pk__in=filtered.values("pk")).search(words)
        compiler = results.query_compiler
        if hasattr(compiler, "get_config"):
            # How the database backends' own facet() reads the matches: ranked ids in one query,
            # without loading every matching page.
            ranked = compiler.search(compiler.get_config(results.backend), None, None)
            return list(ranked.values_list("pk", flat=True))
        return [page.pk for page in results]

    @staticmethod
    def vocabulary_q(text: str) -> Q | None:
        named = Q(name__iexact=text) | Q(name_en__iexact=text)
        creators = list(Creator.objects.filter(named).values_list("pk", flat=True))
        techniques = list(Technique.objects.filter(named).values_list("pk", flat=True))
        materials = list(Material.objects.filter(named).values_list("pk", flat=True))
        if not (creators or techniques or materials):
            return None
        return (
            Q(pk__in=ItemCreator.objects.filter(creator__in=creators).values("item_id"))
            | Q(techniques__in=techniques)
            | Q(materials__in=materials)
        )

    def page_of(self, matched: QuerySet, query: SearchQuery, ranked_ids: list[int] | None) -> SearchResults:
        matched = matched.distinct()
        window = slice(query.offset, query.offset + query.per_page)
        if ranked_ids is not None and query.sort == "relevance":
            page_ids, count = ranked_ids[window], len(ranked_ids)
        else:
            page_ids = list(matched.order_by(*ORDERINGS[query.sort]).values_list("pk", flat=True)[window])
            count = matched.count()
        facets, undated = self.facets(matched)
        return SearchResults(
            count=count, hits=[SearchHit(page_id=pk) for pk in page_ids], facets=facets, undated=undated
        )

    def facets(self, matched: QuerySet) -> tuple[dict[str, list[FacetCount]], int]:
        """Counts of every facet's values, and the number of undated items."""
        ids = matched.values("pk")
        ranges = list(ItemPage.objects.filter(pk__in=ids).values_list("year_earliest", "year_latest"))
        counts = {
            "collection": self.collection_counts(ids),
            "creator": Counter(
                dict(
                    ItemCreator.objects.filter(item__in=ids)
                    .order_by()
                    .values_list("creator__key")
                    .annotate(n=Count("item", distinct=True))
                )
            ),
            "place": Counter(
                dict(
                    ItemPage.objects.filter(pk__in=ids, place__isnull=False)
                    .order_by()
                    .values_list("place__key")
                    .annotate(n=Count("pk"))
                )
            ),
            "technique": self.technique_counts(ids),
            "subject": Counter(
                dict(
                    ItemTag.objects.filter(content_object__in=ids)
                    .order_by()
                    .values_list("tag__slug")
                    .annotate(n=Count("content_object", distinct=True))
                )
            ),
            "century": Counter(century for first, last in ranges for century in centuries_between(first, last)),
            "decade": Counter(decade for first, last in ranges for decade in decades_between(first, last)),
            "state": Counter(
                dict(
                    ItemPage.objects.filter(pk__in=ids)
                    .exclude(work_status="")
                    .order_by()
                    .values_list("work_status")
                    .annotate(n=Count("pk"))
                )
            ),
        }
        undated = sum(1 for first, last in ranges if first is None or last is None)
        return {facet.name: as_facet_counts(facet.name, counts[facet.name], facet.size) for facet in FACETS}, undated

    @staticmethod
    def collection_counts(ids: QuerySet) -> Counter:
        prefix_length = COLLECTION_DEPTH * Page.steplen
        by_path = dict(
            ItemPage.objects.filter(pk__in=ids)
            .annotate(parent=Substr("path", 1, prefix_length))
            .order_by()
            .values_list("parent")
            .annotate(n=Count("pk"))
        )
        slugs = dict(CollectionPage.objects.filter(path__in=by_path).values_list("path", "slug"))
        return Counter({slugs[path]: n for path, n in by_path.items() if path in slugs})

    @staticmethod
    def technique_counts(ids: QuerySet) -> Counter:
        counts = Counter(
            dict(Technique.objects.filter(itempage__in=ids).order_by().values_list("key").annotate(n=Count("itempage")))
        )
        counts.update(
            dict(Material.objects.filter(itempage__in=ids).order_by().values_list("key").annotate(n=Count("itempage")))
        )
        return counts


def as_facet_counts(facet: str, counts: Counter, size: int) -> list[FacetCount]:
    """`size`: how many values the facet table (search/facet_table.py) keeps; the rest is this module's own."""
    if facet == "century":
        pairs = sorted(counts.items())[:size]
    elif facet == "decade":
        # As the Elasticsearch terms aggregation picks them: most items first, an earlier decade on a tie.
        pairs = sorted(sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))[:size])
    else:
        pairs = sorted(counts.items(), key=lambda pair: (-pair[1], str(pair[0])))[:size]
    return [FacetCount(value=str(value), count=n) for value, n in pairs if value is not None]
