"""The database backend for the embedded run: Wagtail search for the words, SQL for facets.

Wagtail's index of ItemPage covers titles, alternative titles, places, subjects, inscriptions and
description, and all of those with creators, techniques and materials stemmed in the page's language
(ItemPage.search_stems, search/stemming.py); a query is searched as typed or stemmed. A query that is
exactly a creator's, technique's or material's name also matches the items that carry that term.

A search reads the items that pass the filters once (ids and the facets' columns; each facet's filter and count
as its row in search/facet_table.py names them), intersects them with
the words' ranked matches (search/backends/database_rank.py), and counts the facets over the matches
(search/backends/database_facets.py); no page is loaded, and only the hits' page is sorted in SQL.
"""

from collections.abc import Iterable

from django.db.models import F, Q, QuerySet
from wagtail.search.query import Or, PlainText

from archive.catalogue.models import ItemCreator, ItemPage
from archive.vocabularies.models import Creator, Material, Technique
from search.backends import Progress
from search.backends.database_facets import ITEM_COLUMNS, Row, facet_counts
from search.backends.database_filters import with_terms
from search.backends.database_ids import among
from search.backends.database_rank import ranked_ids
from search.documents import FEATURE_MODELS
from search.facet_table import FACET, FACETS
from search.query import SearchQuery
from search.results import SearchHit, SearchResults
from search.stemming import query_forms

ORDERINGS = {
    "date": (F("year_earliest").asc(nulls_last=True), "title", "pk"),
    "-date": (F("year_latest").desc(nulls_last=True), "title", "pk"),
    "title": ("title", "pk"),
    "relevance": ("title", "pk"),
}
UNDATED = Q(year_earliest__isnull=True) | Q(year_latest__isnull=True)


class DatabaseBackend:
    name = "database"

    def search(self, query: SearchQuery) -> SearchResults:
        rows = {row[0]: row for row in self.filtered(query).order_by().values_list(*ITEM_COLUMNS)}
        if not query.text:
            return self.page_of(list(rows), rows, query, ranked=False)
        candidates = set(rows)
        ranked = self.ranked_ids(candidates, query.text, query.language)
        return self.page_of(ranked + self.vocabulary_ids(candidates, ranked, query.text), rows, query, ranked=True)

    def filtered(self, query: SearchQuery) -> QuerySet:
        items = ItemPage.objects.live().public().filter(locale__language_code=query.language)
        for facet, values in query.filters.items():
            items = items.filter(FACET[facet].filter(values))
        if query.year_to is not None:
            items = items.filter(year_earliest__lte=query.year_to)
        if query.year_from is not None:
            items = items.filter(year_latest__gte=query.year_from)
        if query.undated:
            items = items.filter(UNDATED)
        return items

    @staticmethod
    def ranked_ids(candidates: set[int], text: str, language: str) -> list[int]:
        """Every word as typed, or every word's stem in the language searched (ItemPage.search_stems)."""
        words = Or([PlainText(form, operator="and") for form in [text, *query_forms(text, language)]])
        return ranked_ids(ItemPage.objects.filter(pk__in=among(sorted(candidates))).search(words), candidates)

    @staticmethod
    def vocabulary_ids(candidates: set[int], ranked: list[int], text: str) -> list[int]:
        """The items, by title, that carry a creator, technique or material named exactly `text` and that the
        words did not find."""
        named = Q(name__iexact=text) | Q(name_en__iexact=text)
        creators = list(Creator.objects.filter(named).values_list("pk", flat=True))
        techniques = list(Technique.objects.filter(named).values_list("pk", flat=True))
        materials = list(Material.objects.filter(named).values_list("pk", flat=True))
        if not (creators or techniques or materials):
            return []
        carrying = Q(pk__in=ItemCreator.objects.filter(creator__in=creators).values("item_id")) | with_terms(
            Q(technique__in=techniques), Q(material__in=materials)
        )
        found = set(ranked)
        titled = ItemPage.objects.filter(carrying, pk__in=among(sorted(candidates))).order_by("title", "pk")
        return [pk for pk in titled.values_list("pk", flat=True) if pk not in found]

    def page_of(self, ids: list[int], rows: dict[int, Row], query: SearchQuery, ranked: bool) -> SearchResults:
        """The page of hits asked for, the total and the facet counts of these matching ids."""
        window = slice(query.offset, query.offset + query.per_page)
        if ranked and query.sort == "relevance":
            page_ids = ids[window]
        else:
            page_ids = list(
                ItemPage.objects.filter(pk__in=among(ids))
                .order_by(*ORDERINGS[query.sort])
                .values_list("pk", flat=True)[window]
            )
        facets, undated = facet_counts(ids, rows, FACETS, query)
        return SearchResults(
            count=len(ids), hits=[SearchHit(page_id=pk) for pk in page_ids], facets=facets, undated=undated
        )

    def suggest(self, text: str, language: str, limit: int = 8) -> list[str]:
        items = ItemPage.objects.live().public().filter(locale__language_code=language)
        findable = ItemPage.objects.filter(pk__in=items.values("pk"))
        titles = (page.title for page in findable.autocomplete(text)[:limit])
        return list(dict.fromkeys(titles))

    def search_features(self, text: str, language: str, limit: int = 5) -> list[int]:
        found = []
        for model in FEATURE_MODELS.values():
            pages = model.objects.live().public().filter(locale__language_code=language)
            findable = model.objects.filter(pk__in=pages.values("pk"))
            found += [page.pk for page in findable.search(text, operator="and")[:limit]]
        return found[:limit]

    def update(self, page_ids: Iterable[int]) -> None:
        """Nothing to do: Wagtail's own signal handlers keep its database index in step."""

    def reindex_reason(self) -> str | None:
        """Wagtail's index lives in the database and follows every save: no mapping to fall behind."""
        return None

    def rebuild(self, progress: Progress | None = None) -> int:
        from django.core.management import call_command

        call_command("update_index", verbosity=0)
        total = sum(model.objects.live().count() for model in (ItemPage, *FEATURE_MODELS.values()))
        if progress:
            progress(total, total)
        return total
