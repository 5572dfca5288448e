"""Random and hostile text in any parameter of any search never makes the site fail (database backend).

Every place a visitor or an editor can search: the search page in both languages, the JSON API and its
suggestions, the CSV and JSON exports, and the Wagtail admin's searches, which all go through
WAGTAILSEARCH_BACKENDS. Pages answer 200; the APIs 200 or, for a value they cannot use, 400.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.facet_table import FACETS
from search.indexing import sync_changes
from tests.factories import make_image
from tests.search.catalogue import build_catalogue
from tests.search.hostile import hostile_text, url

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

SEARCH = ["q", *(facet.name for facet in FACETS), "undated", "from", "to", "sort", "page"]
EXPORT = ["q", "lang", "collection", "from", "to"]
PAGES = {"/search/": SEARCH, "/en/search/": SEARCH}
APIS = {
    "/api/search/": [*SEARCH, "lang"],
    "/api/search/suggest/": ["q", "lang"],
    "/api/export.csv": EXPORT,
    "/api/export.json": EXPORT,
}
ADMIN = {
    "/admin/images/": ["q"],
    "/admin/documents/": ["q"],
    "/admin/pages/search/": ["q"],
    "/admin/pages/{collection}/": ["q"],
    "/admin/snippets/vocabularies/creator/": ["q"],
}
ENDPOINTS = {**PAGES, **APIS, **ADMIN}
ANSWERS = {**{path: {200} for path in [*PAGES, *ADMIN]}, **{path: {200, 400} for path in APIS}}

HYPOTHESIS = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
requests = st.sampled_from(sorted(ENDPOINTS)).flatmap(
    lambda path: st.tuples(st.just(path), st.sampled_from(ENDPOINTS[path]), hostile_text)
)


@pytest.fixture
def searchable_site(client, home, database, django_user_model):
    """The search catalogue, an image, and an administrator logged in."""
    catalogue = build_catalogue(home)
    sync_changes()
    make_image("Scan of a window")
    client.force_login(django_user_model.objects.create_superuser("admin", "admin@example.org", "pw"))
    return catalogue


def answer(client, address: str) -> int:
    response = client.get(address)
    if response.streaming:  # an export: a failure while streaming is a failure too
        b"".join(response.streaming_content)
    return response.status_code


@HYPOTHESIS
@given(search=requests)
def test_no_text_in_any_search_makes_the_site_fail(client, searchable_site, search):
    path, parameter, value = search
    address = url(path.format(collection=searchable_site.stained.pk), **{parameter: value})
    assert answer(client, address) in ANSWERS[path], (path, parameter, value)
