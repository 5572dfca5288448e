"""Imports follow the publishing workflow: a curator's rows become drafts submitted to the editors, the
live item stays as it was until an editor approves; only someone who may publish can publish at once."""

import pytest
from wagtail.models import TaskState, WorkflowState

from tests.imports.sheets import database_state, draft, failing, item, run, write_csv

pytestmark = pytest.mark.django_db

TITLES = ["inventory_number", "title_lt", "title_en"]


def retitle(folder, title: str, number: str = "T-001"):
    return write_csv(
        folder / "titles.csv", [{"inventory_number": number, "title_lt": title, "title_en": "New"}], header=TITLES
    )


def test_a_curators_update_is_a_draft_in_moderation_and_the_live_item_stays(catalogue, people):
    live_before = item("T-001")
    out, _err = run(retitle(catalogue, "Kuratorės pavadinimas"), "--user", people["curator"].username)
    assert "as drafts submitted for approval" in out
    live = item("T-001")
    assert (live.title, live.live_revision_id) == (live_before.title, live_before.live_revision_id)
    assert live.has_unpublished_changes
    assert draft("T-001").title == "Kuratorės pavadinimas"
    state = live.current_workflow_state
    assert (state.status, state.requested_by, state.workflow.name) == (
        "in_progress",
        people["curator"],
        "Redaktorių patvirtinimas",
    )
    assert state.current_task_state.revision_id == live.latest_revision_id
    assert item("T-001", "en").current_workflow_state is not None

    state.current_task_state.specific.approve(user=people["editor"])
    assert item("T-001").title == "Kuratorės pavadinimas"


def test_a_curator_may_not_publish_and_nothing_is_written(catalogue, people):
    before = database_state()
    message = failing(retitle(catalogue, "Skubu"), "--publish", "--user", people["curator"].username)
    assert "kuratore may not publish in the collection 'vitrazai'" in message
    assert database_state() == before


def test_an_editor_may_publish_at_once(catalogue, people):
    out, _err = run(retitle(catalogue, "Redaktoriaus"), "--publish", "--user", people["editor"].username)
    assert "and published them" in out
    assert item("T-001").title == "Redaktoriaus" and item("T-001", "en").title == "New"
    assert not item("T-001").has_unpublished_changes
    assert item("T-001").live_revision.user == people["editor"]


def test_an_item_awaiting_approval_is_refused_to_a_curator(catalogue, people):
    run(retitle(catalogue, "Pirmas"), "--user", people["curator"].username)
    before = database_state()
    message = failing(retitle(catalogue, "Antras"), "--user", people["curator"].username)
    assert "row 2 (T-001): inventory_number: the item is locked in the admin (or awaits approval" in message
    assert database_state() == before


def test_a_rejected_draft_goes_back_to_the_editors_when_imported_again(catalogue, people):
    run(retitle(catalogue, "Pirmas"), "--user", people["curator"].username)
    for language in ("lt", "en"):  # each language's page is reviewed on its own
        item("T-001", language).current_workflow_state.current_task_state.specific.reject(user=people["editor"])
    assert item("T-001").current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    run(retitle(catalogue, "Pataisytas"), "--user", people["curator"].username)
    state = item("T-001").current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.status == TaskState.STATUS_IN_PROGRESS
    assert draft("T-001").title == "Pataisytas"


def test_publishing_cancels_the_workflow_in_progress(catalogue, people):
    run(retitle(catalogue, "Kuratorės"), "--user", people["curator"].username)
    run(retitle(catalogue, "Redaktoriaus"), "--publish", "--user", people["editor"].username)
    assert item("T-001").title == "Redaktoriaus"
    assert item("T-001").current_workflow_state is None
    assert WorkflowState.objects.filter(status=WorkflowState.STATUS_CANCELLED).count() == 2


def test_a_curators_new_items_are_drafts_owned_by_her(catalogue, people):
    path = write_csv(
        catalogue / "new.csv",
        [{"inventory_number": "N-9", "collection": "vitrazai", "title_lt": "Naujas"}],
        header=["inventory_number", "collection", "title_lt"],
    )
    run(path, "--user", people["curator"].username)
    created = item("N-9")
    assert (created.live, created.owner, created.title) == (False, people["curator"], "Naujas")
    assert item("N-9", "en").title == "Naujas"  # English falls back to Lithuanian, as the seed loader does
    assert created.current_workflow_state.requested_by == people["curator"]
    history = created.get_latest_revision()
    assert history.user == people["curator"]


def test_the_editors_get_one_email_for_a_whole_import(
    catalogue, people, mailoutbox, django_capture_on_commit_callbacks
):
    rows = [
        {"inventory_number": f"N-{number}", "collection": "vitrazai", "title_lt": f"Langas {number}"}
        for number in range(1, 6)
    ]
    path = write_csv(catalogue / "new.csv", rows, header=["inventory_number", "collection", "title_lt"])
    with django_capture_on_commit_callbacks(execute=True):
        run(path, "--user", people["curator"].username)
    assert [message.to for message in mailoutbox] == [[people["editor"].email]]
    assert "10" in mailoutbox[0].subject and "new.csv" in mailoutbox[0].body
