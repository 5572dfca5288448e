"""Fixtures of the import tests."""

import pytest

from tests.catalogue.seed_tree import load, write_seed_tree


@pytest.fixture
def curator(client, django_user_model, tmp_path):
    """A logged-in curator's client, over the seed tree's collections."""
    load(write_seed_tree(tmp_path))
    user = django_user_model.objects.create_superuser("curator", "c@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def catalogue(tmp_path, db):
    """The seed tree's collection (vitrazai) with its two published items, T-001 and T-002."""
    load(write_seed_tree(tmp_path / "seed"))
    return tmp_path


@pytest.fixture
def people(django_user_model):
    """A curator (may submit, not publish) and an editor (may publish), in the archive's groups."""
    from tests.imports.sheets import member

    return {
        "curator": member(django_user_model, "kuratore", "Curators"),
        "editor": member(django_user_model, "redaktorius", "Editors"),
    }
