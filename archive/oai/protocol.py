"""Reading an OAI-PMH request: the verb, its arguments and dates, or the OAI error they deserve."""

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.http import QueryDict

LIST_OPTIONS = frozenset({"from", "until", "set", "resumptionToken"})
VERB_ARGUMENTS: dict[str, tuple[frozenset, frozenset]] = {
    # verb: (required, optional); a resumptionToken is exclusive of every other argument.
    "Identify": (frozenset(), frozenset()),
    "ListMetadataFormats": (frozenset(), frozenset({"identifier"})),
    "ListSets": (frozenset(), frozenset({"resumptionToken"})),
    "GetRecord": (frozenset({"identifier", "metadataPrefix"}), frozenset()),
    "ListIdentifiers": (frozenset({"metadataPrefix"}), LIST_OPTIONS),
    "ListRecords": (frozenset({"metadataPrefix"}), LIST_OPTIONS),
}
# UTCdatetime of the OAI-PMH grammar: ASCII digits only (\d and strptime would also read "２０２０").
DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
SECOND = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")
# Characters XML 1.0 cannot hold: an argument with one could not even be echoed in the response.
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class OaiError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class OaiRequest:
    verb: str
    arguments: dict[str, str]


def parse_request(params: QueryDict) -> OaiRequest:
    if any(NOT_IN_XML.search(text) for name, values in params.lists() for text in (name, *values)):
        raise OaiError("badArgument", "An argument holds control characters, which no OAI-PMH argument takes.")
    verbs = params.getlist("verb")
    if not verbs:
        raise OaiError("badVerb", "The request has no verb.")
    if len(verbs) > 1:
        raise OaiError("badVerb", "The verb argument is repeated.")
    verb = verbs[0]
    if verb not in VERB_ARGUMENTS:
        raise OaiError("badVerb", f"'{verb}' is not an OAI-PMH verb.")
    arguments = {}
    for name in params:
        if name == "verb":
            continue
        values = params.getlist(name)
        if len(values) > 1:
            raise OaiError("badArgument", f"The argument '{name}' is repeated.")
        arguments[name] = values[0]
    check_arguments(verb, arguments)
    return OaiRequest(verb, arguments)


def check_arguments(verb: str, arguments: dict[str, str]) -> None:
    required, optional = VERB_ARGUMENTS[verb]
    illegal = sorted(set(arguments) - required - optional)
    if illegal:
        raise OaiError("badArgument", f"{verb} does not take: {', '.join(illegal)}.")
    if "resumptionToken" in arguments:
        if len(arguments) > 1:
            raise OaiError("badArgument", "resumptionToken is an exclusive argument.")
        return
    missing = sorted(required - set(arguments))
    if missing:
        raise OaiError("badArgument", f"{verb} requires: {', '.join(missing)}.")


def parse_datestamp(value: str, name: str) -> tuple[datetime, str]:
    """A UTC datestamp and its granularity ("day" or "second")."""
    try:
        if DAY.fullmatch(value):
            return datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=UTC), "day"
        if SECOND.fullmatch(value):
            return datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC), "second"
    except ValueError:
        pass
    raise OaiError(
        "badArgument", f"'{name}' is not a valid datestamp: YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ, in the digits 0-9."
    )


def date_range(arguments: dict[str, str]) -> tuple[datetime | None, datetime | None]:
    """The inclusive (from, until) range; a day-granularity "until" means the end of that day."""
    start = until = None
    granularities = set()
    if "from" in arguments:
        start, granularity = parse_datestamp(arguments["from"], "from")
        granularities.add(granularity)
    if "until" in arguments:
        until, granularity = parse_datestamp(arguments["until"], "until")
        granularities.add(granularity)
        if granularity == "day":
            until += timedelta(days=1, seconds=-1)
    if len(granularities) > 1:
        raise OaiError("badArgument", "'from' and 'until' must have the same granularity.")
    if start and until and start > until:
        raise OaiError("badArgument", "'from' is later than 'until'.")
    return start, until
