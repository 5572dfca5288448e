"""Dates typed into a search, read by the archive's own date parser (archive/dating/), named periods included.

`from` and `to` take a year or any date phrase ("1935 m. gegužės 3 d.", "early 1930s", "tarpukaris"): from takes
the reading's earliest year, to its latest. The search box's whole text, when it reads as a date phrase that is
not a bare number ("1930s", "1930–1939 m.", "193X", "interwar"), is searched as those years instead of words
(SearchQuery.for_engine); "1935" alone stays words, as it may be an inventory number or a word in a title.
"""

import re

from archive.dating.lookup import YearRange, parse
from search.query import DateSearch

BARE_NUMBER = re.compile(r"-?[0-9]+")


def date_reading(text: str) -> YearRange | None:
    """The parser's reading of `text`, or None: not a date, undated, or digits other than 0-9 ("２０２０")."""
    if any(char.isdigit() and not char.isascii() for char in text):
        return None
    try:
        reading = parse(text)
    except ValueError:  # DateParseError, or a day the calendar does not have
        return None
    return None if reading.undated else reading


def date_in_words(text: str) -> DateSearch | None:
    """The search box's text as a year range when all of it is a date phrase other than a bare number."""
    if not text or BARE_NUMBER.fullmatch(text):
        return None
    reading = date_reading(text)
    return DateSearch(text, reading.earliest, reading.latest) if reading else None
