"""A render is abandoned when it outlives its time budget or its client.

libvips computes a render only while encoding it, strip by strip, and with progress reporting on it calls
`eval` after each strip (every encoder here, WebP and GIF included, does its work inside that loop). The
callback looks at the clock each time and at the client's socket at most every CLIENT_CHECK_SECONDS;
when either says stop it asks libvips to (set_kill), the encoder fails, and the request answers 503.

The socket is known where the WSGI server hands it over (gunicorn's `gunicorn.socket`); elsewhere, as
under `manage.py runserver`, the time budget alone bounds the work.

The watched image is a private copy: libvips caches operations by their arguments, so identical requests
share one image, and a killed image would stay killed in that cache for every later identical request.
"""

import select
import socket
import time

import pyvips

from media.iiif.encode import encode
from media.iiif.errors import Unavailable

CLIENT_CHECK_SECONDS = 0.25


def encode_within(image: pyvips.Image, image_format: str, seconds: float, client: socket.socket | None = None) -> bytes:
    """encode(), abandoned with Unavailable once `seconds` have passed or the client on `client` has gone."""
    watched = image.copy()
    watched.set_progress(True)
    watch = Watch(seconds, client)
    watched.signal_connect("eval", watch.on_eval)
    try:
        return encode(watched, image_format)
    except pyvips.Error:
        if watch.reason is None:
            raise
        raise Unavailable(watch.reason) from None


class Watch:
    def __init__(self, seconds: float, client: socket.socket | None):
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds
        self.client = client
        self.next_client_check = 0.0
        self.reason: str | None = None

    def on_eval(self, image: pyvips.Image, progress) -> None:
        if self.reason is None:
            self.reason = self.why_stop()
            if self.reason is not None:
                image.set_kill(True)

    def why_stop(self) -> str | None:
        now = time.monotonic()
        if now > self.deadline:
            return (
                f"making this image took longer than {self.seconds:g} seconds; "
                "ask for a smaller size or try again later"
            )
        if self.client is not None and now >= self.next_client_check:
            self.next_client_check = now + CLIENT_CHECK_SECONDS
            if client_gone(self.client):
                return "the client closed the connection"
        return None


def client_gone(connection: socket.socket) -> bool:
    """True when the peer has closed the connection; never blocks (a closed peer reads as end-of-file)."""
    try:
        poller = select.poll()
        poller.register(connection.fileno(), select.POLLIN)
        events = poller.poll(0)
        if not events:
            return False
        if events[0][1] & (select.POLLHUP | select.POLLERR | select.POLLNVAL):
            return True
        return connection.recv(1, socket.MSG_PEEK) == b""
    except ValueError:  # a TLS socket cannot be peeked at, nor a closed one polled: assume the client waits
        return False
    except OSError:
        return True
