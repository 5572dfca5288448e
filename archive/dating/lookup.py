"""The parser with the named periods editors keep in the database: what the admin, loaders and commands call."""

from .models import known_periods
from .parser import DateParseError, YearRange, parse_date


def parse(text: str) -> YearRange:
    return parse_date(text, known_periods())


__all__ = ["DateParseError", "YearRange", "parse"]
