"""A real OAI-PMH harvester (Sickle) against the live server: full and selective harvests."""

from collections import Counter

import pytest

from archive.oai.models import ItemChange
from tests.factories import make_collection, make_home, make_item

from .builders import published_item

pytestmark = pytest.mark.slow


@pytest.fixture
def catalogue(harvester):
    home = make_home()
    glass = make_collection(home, title="Vitražai", slug="vitrazai")
    city = make_collection(home, title="Miestas", slug="miestas")
    for number in range(1, 5):
        published_item(glass, title=f"Vitražas {number}", inventory_number=f"V-{number}")
    published_item(city, title="Aikštė", inventory_number="M-1")
    published_item(city, inventory_number="M-2").unpublish()
    published_item(city, inventory_number="M-3").delete()
    make_item(city, inventory_number="M-DRAFT", live=False)
    return {"V-1", "V-2", "V-3", "V-4", "M-1"}


def inventory(identifier: str) -> str:
    return identifier.rsplit(":", 1)[1]


def test_full_harvest_returns_every_published_item_once(harvester, catalogue):
    records = list(harvester.ListRecords(metadataPrefix="oai_dc", ignore_deleted=False))
    live = Counter(inventory(record.header.identifier) for record in records if not record.deleted)
    assert set(live) == catalogue and set(live.values()) == {1}
    assert {inventory(record.header.identifier) for record in records if record.deleted} == {"M-2", "M-3"}
    titles = {inventory(record.header.identifier): record.metadata["title"] for record in records if not record.deleted}
    assert titles["M-1"] == ["Aikštė"]


def test_harvest_by_set(harvester, catalogue):
    headers = list(harvester.ListIdentifiers(metadataPrefix="oai_dc", set="vitrazai"))
    assert sorted(inventory(header.identifier) for header in headers) == ["V-1", "V-2", "V-3", "V-4"]
    assert {spec for header in headers for spec in header.setSpecs} == {"vitrazai"}


def test_incremental_harvest_with_from_and_until(harvester, catalogue):
    ItemChange.objects.filter(is_latest=True).update(timestamp="2021-06-01T00:00:00Z")
    ItemChange.objects.filter(is_latest=True, inventory_number="V-2").update(timestamp="2024-01-02T03:04:05Z")
    recent = list(harvester.ListIdentifiers(metadataPrefix="oai_dc", **{"from": "2024-01-02T03:04:05Z"}))
    assert [inventory(header.identifier) for header in recent] == ["V-2"]
    older = list(harvester.ListIdentifiers(metadataPrefix="oai_dc", until="2021-06-01", ignore_deleted=True))
    assert sorted(inventory(header.identifier) for header in older) == ["M-1", "V-1", "V-3", "V-4"]
