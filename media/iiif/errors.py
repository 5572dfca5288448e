"""The Image API's errors, all of them: each carries the HTTP status and a short reason, which the view
turns into a plain-text answer."""


class IIIFError(Exception):
    status = 400
    retry_after: int | None = None  # seconds, sent as Retry-After when set

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class BadRequest(IIIFError):
    status = 400


class UnknownFormat(BadRequest):
    """A format that is not a row of media/iiif/formats.py: refused by the parser, and by the encoder."""


class NotFound(IIIFError):
    status = 404


class Unavailable(IIIFError):
    """The request is sound but cannot be answered now (busy, too slow, image not ready): try again later."""

    status = 503
    retry_after = 10


class PyramidPending(Unavailable):
    """The image is known and viewable but its pyramid is not ready or not reachable yet."""
