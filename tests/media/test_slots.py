"""Render slots (media/iiif/slots.py): a bound on uncached renders at once, never on cached or copied tiles."""

import subprocess
import sys
import threading
import time

import pytest

from media.iiif.slots import render_slot, slot_path

pytestmark = pytest.mark.django_db
BIG = "/iiif/3/grid/full/max/45/default.png"  # about two million pixels: a render that needs a slot
STORED_TILE = "/iiif/3/grid/0,0,256,256/256,/0/default.jpg"
EDGE_TILE = "/iiif/3/grid/768,768,232,232/232,/0/default.jpg"
CACHED = "/iiif/3/grid/full/800,/0/default.png"


@pytest.fixture
def one_slot(settings):
    """One slot on the node; two per process, so that the node's bound is the one met."""
    settings.IIIF_MAX_CONCURRENT_RENDERS, settings.IIIF_RENDERS_PER_PROCESS = 1, 2
    settings.IIIF_RENDER_QUEUE_SECONDS = 0.05


def test_a_render_that_finds_every_slot_taken_answers_503_with_retry_after(client, public_image, one_slot):
    with render_slot():
        busy = client.get(BIG)
    assert busy.status_code == 503 and int(busy["Retry-After"]) > 0
    assert busy["Content-Type"].startswith("text/plain") and b"render slots" in busy.content
    assert busy["Cache-Control"] == "no-store"
    assert client.get(BIG).status_code == 200


def test_stored_and_cached_tiles_are_served_while_every_slot_is_taken(client, public_image, one_slot):
    rendered = client.get(CACHED)
    with render_slot():
        assert client.get(STORED_TILE).status_code == 200
        cached = client.get(CACHED)
        assert client.get(BIG).status_code == 503
    assert cached.status_code == 200 and cached.content == rendered.content


def test_a_render_no_bigger_than_a_tile_needs_no_slot(client, public_image, one_slot):
    with render_slot():
        assert client.get(EDGE_TILE).status_code == 200


def test_slots_are_shared_by_every_process_of_the_node(client, public_image, one_slot):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, sys; slot = open(sys.argv[1], 'a'); fcntl.flock(slot, fcntl.LOCK_EX);"
            "print('held', flush=True); sys.stdin.read()",
            str(slot_path(0)),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        assert client.get(BIG).status_code == 503
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)
    assert client.get(BIG).status_code == 200


def test_a_worker_process_renders_one_large_image_at_a_time_and_a_second_waits_its_turn(client, public_image, settings):
    settings.IIIF_MAX_CONCURRENT_RENDERS, settings.IIIF_RENDERS_PER_PROCESS = 4, 1
    settings.IIIF_RENDER_QUEUE_SECONDS = 0.5
    with render_slot():
        started = time.monotonic()
        refused = client.get(BIG)
        assert refused.status_code == 503 and refused["Retry-After"]
        assert 0.4 < time.monotonic() - started < 2  # it waited its queue time, then gave up

    settings.IIIF_RENDER_QUEUE_SECONDS = 5
    slot = render_slot()
    slot.__enter__()
    threading.Timer(0.3, slot.__exit__, (None, None, None)).start()
    assert client.get(BIG).status_code == 200  # the first render finished while the second waited
