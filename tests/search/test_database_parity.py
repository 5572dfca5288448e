"""The database backend's fast path answers exactly what the straightforward reference answers.

On a generated catalogue (bench/search_data.py: 120 items, some undated, some dated too vaguely for a
decade, some with a state), hypothesis draws searches of every kind: words (typed, other forms, without
accents, names of terms), every facet, year ranges, the undated filter, each sort and page. Totals, facet
counts and the undated count must be equal; hits too, in the same order (where two hits tie on the sort
key the reference's order is unspecified, so the keys are compared).
"""

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from archive.catalogue.models import ItemPage, WorkStatus
from archive.imports.aftercare import update_indexes
from bench.search_data import NOUNS, PLACES, TECHNIQUES, generate
from search.backends.database import DatabaseBackend
from search.facet_table import FACETS
from search.query import SORTS, SearchQuery
from tests.search.database_reference import ReferenceDatabaseBackend

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

ITEMS = 120
WORDS = [*NOUNS, *PLACES, *TECHNIQUES, "svyturys", "baznycia", "laivai", "stiklas", "Klaipėdos", "nėratokio"]
FACET_VALUES = {
    "collection": [f"bench-{n}" for n in range(10)],
    "creator": [f"creator-{n}" for n in range(0, 300, 7)],
    "place": [f"place-{n}" for n in range(0, 200, 5)],
    "technique": [f"technique-{n}" for n in range(12)] + [f"material-{n}" for n in range(9)],
    "subject": [f"tag-{n}" for n in range(0, 150, 3)],
    "century": ["17", "18", "19", "20", "21"],
    "decade": [str(year) for year in range(1700, 2010, 10)],
    "state": list(WorkStatus.values),
}
years = st.none() | st.integers(1690, 2010)


texts = st.just("") | st.sampled_from(WORDS) | st.lists(st.sampled_from(WORDS), min_size=2, max_size=3).map(" ".join)
chosen = st.sampled_from(sorted(FACET_VALUES)).flatmap(
    lambda facet: st.tuples(
        st.just(facet), st.lists(st.sampled_from(FACET_VALUES[facet]), min_size=1, max_size=2, unique=True).map(tuple)
    )
)
filters = st.lists(chosen, max_size=2).map(dict)
queries = st.builds(
    SearchQuery,
    text=texts,
    filters=filters,
    year_from=years,
    year_to=years,
    undated=st.booleans(),
    sort=st.sampled_from(SORTS),
    page=st.integers(1, 3),
    per_page=st.sampled_from([5, 20]),
)


@pytest.fixture
def corpus(db):
    """The generated catalogue with the variety the generator lacks, in Wagtail's database index."""
    generate(ITEMS, seed=17)
    ids = list(ItemPage.objects.order_by("pk").values_list("pk", flat=True))
    ItemPage.objects.filter(pk__in=ids[::7]).update(year_earliest=None, year_latest=None)
    for offset, state in enumerate(WorkStatus.values):
        ItemPage.objects.filter(pk__in=ids[offset + 1 :: 9]).update(work_status=state)
    for pk, earliest in ItemPage.objects.filter(pk__in=ids[3::11]).values_list("pk", "year_earliest"):
        if earliest is not None:
            ItemPage.objects.filter(pk=pk).update(year_latest=earliest + 250)
    update_indexes(ids)
    return ids


def sort_keys(page_ids: list[int], sort: str) -> list[tuple]:
    rows = ItemPage.objects.in_bulk(page_ids)
    if sort in ("date", "-date"):
        return [(rows[pk].year_earliest if sort == "date" else rows[pk].year_latest, rows[pk].title) for pk in page_ids]
    return [(rows[pk].title,) for pk in page_ids]


def assert_same_answer(query: SearchQuery) -> None:
    fast, reference = DatabaseBackend().search(query), ReferenceDatabaseBackend().search(query)
    assert (fast.count, fast.facets, fast.undated) == (reference.count, reference.facets, reference.undated)
    fast_ids = [hit.page_id for hit in fast.hits]
    reference_ids = [hit.page_id for hit in reference.hits]
    if fast_ids != reference_ids:
        ranked = query.text and query.sort == "relevance"
        assert not ranked or fast_ids[:1] == reference_ids[:1], "ranked hits differ"
        assert sort_keys(fast_ids, query.sort) == sort_keys(reference_ids, query.sort)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=queries)
@example(query=SearchQuery(text="vitražas"))  # the benchmark's queries (bench/search_benchmark.py)
@example(query=SearchQuery(text="svyturys"))
@example(query=SearchQuery(text="uostas Klaipėda"))
@example(query=SearchQuery(text="langas", filters={"technique": ("technique-0",)}))
@example(query=SearchQuery(filters={"place": ("place-0",), "century": ("19",)}))
@example(query=SearchQuery(year_from=1850, year_to=1900, sort="date"))
@example(query=SearchQuery(text="bažnyčia", year_from=1800, year_to=1950, page=3, per_page=5))
@example(query=SearchQuery(sort="title", page=2, per_page=5))
@example(query=SearchQuery(text="stiklas"))  # a material's name
def test_any_search_answers_as_the_reference(corpus, query):
    assert_same_answer(query)


def test_a_search_costs_a_fixed_number_of_queries_however_many_items_match(corpus, django_assert_max_num_queries):
    with django_assert_max_num_queries(20):  # 17 on SQLite, whether 10 or 10,000 items match
        results = DatabaseBackend().search(SearchQuery(text="vitražas", filters={"century": ("19", "20")}))
    assert results.count > 0


def test_the_searches_drawn_choose_in_every_facet():
    assert sorted(FACET_VALUES) == sorted(facet.name for facet in FACETS)
