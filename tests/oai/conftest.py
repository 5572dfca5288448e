"""Fixtures of the OAI-PMH tests: items to harvest and a real harvester (builders in tests/oai/builders.py)."""

import pytest
from sickle import Sickle

from tests.factories import ensure_tree_roots, make_item
from tests.oai.builders import published_item


@pytest.fixture
def harvestable(collection):
    """Three published items, one unpublished after publishing and one never published."""
    items = [published_item(collection, title=f"Langas {n}", inventory_number=f"H-{n}") for n in range(1, 4)]
    items[2].unpublish()
    make_item(collection, inventory_number="DRAFT-1", live=False)
    return items


@pytest.fixture
def harvester(transactional_db, live_server, settings):
    """A real OAI-PMH client against the live server, two records a page so resumption tokens are used."""
    settings.OAI_PAGE_SIZE = 2
    ensure_tree_roots()  # a transactional test's flush removes the roots that migrations made
    return Sickle(f"{live_server.url}/oai", max_retries=0)
