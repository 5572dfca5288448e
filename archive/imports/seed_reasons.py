"""The seed loader's reasons (archive/catalogue/seed/validation.py and the date parser), which it words in
English for its operators, in the words of the language the import runs in: the admin shows a row's
problems in the curator's language. A reason not listed here is shown as the loader wrote it.
"""

import re

from django.utils.translation import gettext_lazy as _

from archive.catalogue.identifiers import REFUSAL, REFUSAL_PATTERN

SEED_REASONS = [
    (r"is required", _("is required")),
    (REFUSAL_PATTERN, _(REFUSAL)),
    (
        r"is required \(or set default_rights in collection\.yaml\)",
        _("is required (the collection has no default rights)"),
    ),
    (r"must be text", _("must be text")),
    (r"must be one of (?P<values>.+)", _("must be one of %(values)s")),
    (
        r"give both earliest and latest years, or neither \(they are then read from the text\)",
        _("give both the earliest and the latest year, or neither (they are then read from the date text)"),
    ),
    (r"year (?P<year>-?\d+) is outside (?P<low>-?\d+)-(?P<high>-?\d+)", _("year %(year)s is outside %(low)s-%(high)s")),
    (
        r"bad year range: earliest (?P<earliest>-?\d+) is after latest (?P<latest>-?\d+)",
        _("bad year range: earliest %(earliest)s is after latest %(latest)s"),
    ),
    (
        r"The date is empty: write the date as the source gives it, or 'nedatuota'\.",
        _("The date is empty: write the date as the source gives it, or 'nedatuota'."),
    ),
    (
        r"'(?P<text>.*)' ends before it starts \((?P<earliest>-?\d+) > (?P<latest>-?\d+)\)\.",
        _("'%(text)s' ends before it starts (%(earliest)s > %(latest)s)."),
    ),
    (
        r"'(?P<text>.*)' is not a date phrase the archive knows\. Write e\.g\. (?P<examples>.+)",
        _("'%(text)s' is not a date phrase the archive knows. Write e.g. %(examples)s"),
    ),
]
PATTERNS = [(re.compile(pattern, re.S), message) for pattern, message in SEED_REASONS]


def in_language(reason: str) -> str:
    """The reason in the active language, when it is one of the loader's."""
    for pattern, message in PATTERNS:
        match = pattern.fullmatch(reason)
        if match:
            return str(message) % match.groupdict() if match.groupdict() else str(message)
    return reason
