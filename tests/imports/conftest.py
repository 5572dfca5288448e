"""Fixtures of the import tests."""

import pytest

from tests.catalogue.seed_tree import write_seed_tree
from tests.catalogue.test_load_collections import load


@pytest.fixture
def curator(client, django_user_model, tmp_path):
    """A logged-in curator's client, over the seed tree's collections."""
    load(write_seed_tree(tmp_path))
    user = django_user_model.objects.create_superuser("curator", "c@example.org", "pw")
    client.force_login(user)
    return client
