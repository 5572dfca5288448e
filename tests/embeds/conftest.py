"""Fixtures of the embed tests: a published item with two images and an unpublished one."""

import pytest

from tests.factories import make_image, make_item


@pytest.fixture
def scans(db):
    return [make_image("Front", width=800, height=600), make_image("Back", width=300, height=200)]


@pytest.fixture
def item(collection, scans):
    return make_item(
        collection,
        title="Vitražas su laivu",
        inventory_number="KVB-V-1",
        images=scans,
        credit_line="Klaipėdos miesto savivaldybės viešoji biblioteka",
    )


@pytest.fixture
def other_item(collection, scans):
    return make_item(collection, title="Uosto vaizdas", inventory_number="KVB-V-2", images=scans[:1])


@pytest.fixture
def draft(collection, scans):
    return make_item(collection, title="Slaptas juodraštis", inventory_number="KVB-DRAFT", images=scans, live=False)
