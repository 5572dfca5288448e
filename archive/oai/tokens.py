"""Stateless resumption tokens: the list query and the position in it, signed with SECRET_KEY.

Nothing is stored, so tokens survive restarts and work on every server; a token that was altered or
has expired fails the signature check and the harvester gets badResumptionToken.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core import signing
from django.utils import timezone

SALT = "archive.oai.resumption-token"


class BadToken(ValueError):
    pass


@dataclass(frozen=True)
class ListQuery:
    verb: str
    prefix: str
    set_spec: str = ""
    start: datetime | None = None  # "from", inclusive
    until: datetime | None = None  # inclusive


@dataclass(frozen=True)
class Position:
    query: ListQuery
    after_id: int = 0  # the last change row already sent
    cursor: int = 0  # how many records were already sent


def _stamp(moment: datetime | None) -> int | None:
    return int(moment.timestamp()) if moment else None


def _moment(stamp: int | None) -> datetime | None:
    return datetime.fromtimestamp(stamp, tz=UTC) if stamp is not None else None


def encode(position: Position) -> str:
    query = position.query
    payload = [
        query.verb,
        query.prefix,
        query.set_spec,
        _stamp(query.start),
        _stamp(query.until),
        position.after_id,
        position.cursor,
    ]
    return signing.dumps(payload, salt=SALT, compress=True)


def decode(token: str) -> Position:
    try:
        payload = signing.loads(token, salt=SALT, max_age=settings.OAI_RESUMPTION_TOKEN_MAX_AGE)
        verb, prefix, set_spec, start, until, after_id, cursor = payload
        query = ListQuery(str(verb), str(prefix), str(set_spec), _moment(start), _moment(until))
        return Position(query, int(after_id), int(cursor))
    except (signing.BadSignature, ValueError, TypeError, OverflowError) as error:
        raise BadToken(str(error)) from None


def expiration() -> datetime:
    return timezone.now() + timedelta(seconds=settings.OAI_RESUMPTION_TOKEN_MAX_AGE)
