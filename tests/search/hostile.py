"""Text nobody should be able to break search with: a fixed corpus, a Hypothesis strategy, and raw URLs.

Values are percent-encoded here rather than by the test client, so what reaches the site is what the
HTTP layer lets through: a lone surrogate arrives as the bytes ED A0 80 and invalid UTF-8 as itself,
and Django decodes both to U+FFFD, as it would for a real request.
"""

import string
from urllib.parse import quote

from hypothesis import strategies as st

from search.text import MAX_LENGTH, searchable_text

FULL_TEXT_SYNTAX = [
    '"',
    "'",
    "AND",
    "OR",
    "NOT",
    "NEAR",
    "NEAR(",
    "*",
    "^",
    "-",
    "+",
    ":",
    "(",
    ")",
    "{",
    "}",
    "[",
    "]",
    "~",
    "@",
    "<",
    ">",
    "\\",
    "/",
    "!",
    "&",
    "|",
    "%",
    "_",
    ";",
    "'--",
    "title:",
]
CONTROL = ["\x00", "\x01", "\x07", "\x08", "\x1b", "\x7f", "\x85", "\t", "\n", "\r", "\u2028", "\u2029"]
UNICODE = [
    "\u00ad",
    "\u200b",
    "\u200d",
    "\u202e",
    "\ufeff",
    "\ufffd",
    "\ufffe",
    "\U0010ffff",
    "\ue000",
    "\u0301",
    "ž",
    "z\u030c",
    "Ⅻ",
    "２０２０",
    "٣",
    "𝔘",
    "🪟",
    "👩‍👩‍👧",
    "ﷺ",
    "\u0378",
]
BYTES = [b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\xff", b"\xc0\x80", b"\xf4\x90\x80\x80", b"%"]

HOSTILE_TEXTS = [
    *FULL_TEXT_SYNTAX,
    *CONTROL,
    *UNICODE,
    'langas"',
    '"langas',
    'a"b"c"',
    "a'b",
    "vitra\x00žas",
    "langas AND",
    "OR langas",
    "NOT NOT",
    "NEAR(a b, 2)",
    '"phrase" live:true',
    "a* b*",
    "^a",
    "-langas",
    "col:langas",
    "(langas",
    "langas)",
    "{title}: x",
    " ".join(string.ascii_lowercase * 4)[:MAX_LENGTH],
    "x" * MAX_LENGTH,
    "x" * (MAX_LENGTH + 1),
    "langas " * 1500,
    "é" * 10_000,
    '"' * 10_000,
    "\x00" * 10_000,
]


def encoded(value: str | bytes) -> str:
    """Percent-encoded as a browser would send it; a lone surrogate becomes its UTF-8 bytes, not an error."""
    if isinstance(value, bytes):
        return quote(value, safe="")
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


def url(path: str, **params: str | bytes) -> str:
    return f"{path}?" + "&".join(f"{quote(name)}={encoded(value)}" for name, value in params.items())


def as_received(value: str | bytes) -> str:
    """The text the view reads: what cannot be decoded as UTF-8 arrives as U+FFFD."""
    raw = value if isinstance(value, bytes) else value.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "replace")


def too_long(value: str | bytes) -> bool:
    """Whether a search refuses (API) or shortens (page) this text: over MAX_LENGTH characters once the
    characters no engine takes are dropped."""
    return len(searchable_text(as_received(value).strip())) > MAX_LENGTH


PIECES = st.sampled_from([*FULL_TEXT_SYNTAX, *CONTROL, *UNICODE, "langas", "vitražas", " ", "1936", "-1"])
ANY_CHARACTER = st.characters(codec=None)  # every category, surrogates included
hostile_text = st.one_of(
    st.lists(st.one_of(PIECES, st.text(ANY_CHARACTER, max_size=6)), max_size=8).map("".join),
    st.text(ANY_CHARACTER, max_size=40),
    st.binary(max_size=12),
    st.builds(lambda piece, times: piece * times, PIECES, st.integers(1, 3000)),  # up to ~10 kB
)
