"""A render is abandoned past its time budget or when its client has gone (media/iiif/deadline.py)."""

import socket

import pytest
import pyvips

from media.iiif.deadline import encode_within
from media.iiif.errors import Unavailable
from media.pyramid import _open_level

BIG = "/iiif/3/grid/full/max/45/default.png"


def slow_image() -> pyvips.Image:
    """Four million pixels turned by an odd angle: hundreds of strips for the encoder to pull."""
    return pyvips.Image.gaussnoise(2000, 2000).cast("uchar").rotate(17)


@pytest.mark.django_db
def test_a_render_past_its_time_budget_answers_503(client, public_image, settings):
    settings.IIIF_RENDER_TIMEOUT_SECONDS = 0.000001
    # Making the image's tile files at ingest left its levels open and decoded: start cold, so the render
    # does the pixel work whose progress the time budget watches (libvips reports it every few strips).
    _open_level.cache_clear()
    pyvips.cache_set_max(0)
    try:
        abandoned = client.get(BIG)
    finally:
        pyvips.cache_set_max(settings.IIIF_VIPS_CACHE_MAX_OPERATIONS)
    assert abandoned.status_code == 503 and int(abandoned["Retry-After"]) > 0
    assert b"seconds" in abandoned.content
    settings.IIIF_RENDER_TIMEOUT_SECONDS = 20
    # libvips caches operations: the abandoned render must not poison the same request made again.
    again = client.get(BIG)
    assert again.status_code == 200 and pyvips.Image.new_from_buffer(again.content, "").width > 1000


def test_an_encoding_stops_when_the_client_has_closed_its_connection():
    server_side, client_side = socket.socketpair()
    client_side.close()
    with pytest.raises(Unavailable, match="client"):
        encode_within(slow_image(), "png", 60, server_side)
    server_side.close()


def test_an_encoding_goes_on_while_the_client_waits():
    server_side, client_side = socket.socketpair()
    data = encode_within(slow_image(), "png", 60, server_side)
    assert pyvips.Image.new_from_buffer(data, "").width > 2000
    server_side.close()
    client_side.close()
