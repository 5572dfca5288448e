"""A creator's name split as citation formats want it: family and given for a person, else one literal.

The archive stores a name as written ("Aldona Pavyzdienė (pavyzdys)", "Klaipėdos dailės mokykla"), not its
parts. A person's name splits only when it is plainly given names then a family name, each capitalised
(or already "Family, Given"); anything else, and every workshop or unknown maker, stays one literal, so
BibTeX never inverts a school's name and a qualifier in brackets stays with the family name.
"""

import re
from dataclasses import dataclass

QUALIFIER = re.compile(r"\s*(\([^()]*\))$")
NAME_WORD = re.compile(r"^[^\W\d_][\w'’.-]*$")


@dataclass(frozen=True)
class NameParts:
    family: str
    given: str


def name_parts(name: str, is_person: bool) -> NameParts | None:
    """Family and given names of a person's plainly written name; None for a literal name."""
    if not is_person:
        return None
    match = QUALIFIER.search(name)
    qualifier = match.group(1) if match else ""
    bare = name[: match.start()] if match else name
    if bare.count(",") == 1:
        family, given = (part.split() for part in bare.split(","))
    else:
        words = bare.split()
        family, given = words[-1:], words[:-1]
    words = family + given
    if len(family) != 1 or not given or not all(NAME_WORD.match(word) and word[0].isupper() for word in words):
        return None
    return NameParts(" ".join([*family, qualifier]).strip(), " ".join(given))
