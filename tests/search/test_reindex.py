"""The search_reindex command: progress, a summary, and a clear failure when the engine is down."""

import io

import pytest
from django.core.management import CommandError, call_command

from search.models import IndexChange


def test_reindex_reports_progress_and_a_rate(catalogue):
    out = io.StringIO()
    call_command("search_reindex", stdout=out)
    assert "8/8 pages (100%)" in out.getvalue() or "Indexed" in out.getvalue()
    assert "pages/s" in out.getvalue()


def test_changes_only_syncs_outstanding_edits(catalogue):
    catalogue.harbour.save_revision().publish()
    out = io.StringIO()
    call_command("search_reindex", "--changes-only", stdout=out)
    assert "Synced 1 changed pages" in out.getvalue()
    assert not IndexChange.objects.filter(synced=False).exists()


def test_reindex_fails_clearly_when_elasticsearch_is_down(db, settings):
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    with pytest.raises(CommandError, match="unavailable"):
        call_command("search_reindex", stdout=io.StringIO())
