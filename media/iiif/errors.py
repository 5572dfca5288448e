"""Request errors carry the HTTP status and a short reason; the view turns them into plain text."""


class IIIFError(Exception):
    status = 400

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class BadRequest(IIIFError):
    status = 400


class NotFound(IIIFError):
    status = 404
