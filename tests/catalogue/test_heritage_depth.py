"""The life of a work: its events in order, its status after the latest of them, lost works found."""

import pytest

from archive.catalogue.models import ItemPage, WorkEvent
from tests.catalogue.seed_tree import failed_load, item, load, write_seed_tree


@pytest.mark.django_db
def test_destroyed_work_shows_its_history_and_is_lost(client, tmp_path):
    life = [
        {"event": "created", "date": "1936 m.", "source": "Statybos byla (pavyzdys)"},
        {"event": "painted_over", "date": "sovietmetis"},
        {"event": "destroyed", "date": "1968 m.", "note": "Pastatas nugriautas."},
    ]
    load(write_seed_tree(tmp_path, items=[item("T-001", life=life)]))
    page = ItemPage.objects.get(inventory_number="T-001", locale__language_code="lt")
    assert page.work_status == "lost"
    assert [event.kind for event in page.timeline()] == ["created", "painted_over", "destroyed"]
    html = client.get(page.url).content.decode()
    assert html.index("1936 m.") < html.index("sovietmetis") < html.index("1968 m.")
    assert "Pastatas nugriautas." in html


@pytest.mark.django_db
def test_lost_works_can_be_filtered(tmp_path):
    load(
        write_seed_tree(
            tmp_path,
            items=[
                item(
                    "T-001", life=[{"event": "created", "date": "1936 m."}, {"event": "destroyed", "date": "1944 m."}]
                ),
                item("T-002", life=[{"event": "created", "date": "1936 m."}, {"event": "restored", "date": "2005 m."}]),
            ],
        )
    )
    lost = ItemPage.objects.filter(work_status="lost", locale__language_code="lt")
    assert [page.inventory_number for page in lost] == ["T-001"]
    survives = ItemPage.objects.get(inventory_number="T-002", locale__language_code="lt")
    assert survives.work_status == "survives"


def test_status_follows_the_latest_dated_event_not_the_order_typed():
    from archive.catalogue.models import status_after

    events = [
        WorkEvent(kind="destroyed", year_earliest=1944, sort_order=0),
        WorkEvent(kind="created", year_earliest=1936, sort_order=1),
    ]
    assert status_after(events) == "lost"


@pytest.mark.django_db
def test_unknown_event_kind_and_bad_event_date_are_reported(tmp_path):
    message = failed_load(
        write_seed_tree(
            tmp_path,
            items=[
                item("T-001", life=[{"event": "burnt", "date": "1944 m."}, {"event": "moved", "date": "kažkada"}]),
            ],
        )
    )
    assert "record 1 (T-001): life[1].event: must be one of" in message
    assert "record 1 (T-001): life[2].date: 'kažkada' is not a date phrase" in message
