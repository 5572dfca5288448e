"""Citations of an item in four formats: plain text, BibTeX, RIS and CSL-JSON.

Each format is a pure function of an ItemRecord and the access date, registered in CITATION_FORMATS so
the cite panel, the download route and the tests all walk the same list.
"""

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from archive.core.site_names import provider_name

from .names import name_parts
from .record import CreatorRecord, ItemRecord


@dataclass(frozen=True)
class CitationFormat:
    key: str
    label: str
    media_type: str
    extension: str
    render: Callable[[ItemRecord, date], str]


def citation_key(record: ItemRecord) -> str:
    """A BibTeX/CSL key safe in both: "klavb-" and the inventory number with only [A-Za-z0-9-]; a detail
    adds its image and region, so an item and its details can be cited side by side."""
    key = f"{record.inventory_number}-{record.detail_path}" if record.detail_path else record.inventory_number
    return "klavb-" + re.sub(r"[^A-Za-z0-9]+", "-", key).strip("-")


def one_line(text: str) -> str:
    return " ".join(text.split())


def plain_citation(record: ItemRecord, accessed: date) -> str:
    with translation.override(record.language):
        parts = []
        if record.creators:
            parts.append(", ".join(creator.name for creator in record.creators))
        parts.append(record.title)
        if record.date_text or record.year_span:
            parts.append(record.date_text or record.year_span)
        parts.append(_("Inventory number %(number)s") % {"number": record.inventory_number})
        if record.collection:
            parts.append(record.collection.title)
        parts.append(provider_name(record.language))
        text = ". ".join(one_line(part).rstrip(".") for part in parts) + "."
        accessed_text = _("accessed %(date)s") % {"date": accessed.isoformat()}
        return f"{text} {record.permanent_url} ({accessed_text})."


BIBTEX_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
}


def bibtex_text(text: str) -> str:
    return "".join(BIBTEX_ESCAPES.get(char, char) for char in one_line(text))


def bibtex_name(creator: CreatorRecord) -> str:
    """ "Family, Given" for a person; a literal name (a workshop, a school, an unknown maker) in braces so
    BibTeX does not split it; a family name with a qualifier in brackets braced as one word."""
    parts = name_parts(creator.name, creator.is_person)
    if parts is None:
        return "{" + bibtex_text(creator.name) + "}"
    family = bibtex_text(parts.family)
    return ("{" + family + "}" if " " in family else family) + ", " + bibtex_text(parts.given)


def ris_name(creator: CreatorRecord) -> str:
    parts = name_parts(creator.name, creator.is_person)
    return f"{parts.family}, {parts.given}" if parts else creator.name


def csl_name(creator: CreatorRecord) -> dict:
    parts = name_parts(creator.name, creator.is_person)
    return {"family": parts.family, "given": parts.given} if parts else {"literal": creator.name}


def bibtex_citation(record: ItemRecord, accessed: date) -> str:
    fields = [("title", "{" + bibtex_text(record.title) + "}")]
    if record.creators:
        fields.append(("author", " and ".join(bibtex_name(creator) for creator in record.creators)))
    if record.dating:
        # `year` only when exact; `date` (EDTF: 1935~, 193X, 1933/1937) for biblatex; the text as a note.
        if record.dating.exact_year is not None:
            fields.append(("year", str(record.dating.exact_year)))
        fields.append(("date", record.dating.edtf))
    if record.date_text:
        fields.append(("note", bibtex_text(record.date_text)))
    if record.techniques or record.materials:
        fields.append(("type", bibtex_text(", ".join(record.techniques + record.materials))))
    fields += [
        ("number", bibtex_text(record.inventory_number)),
        ("organization", bibtex_text(provider_name(record.language))),
        *([("address", bibtex_text(record.place.town))] if record.place and record.place.town else []),
        ("url", record.permanent_url.replace("{", "").replace("}", "")),
        ("urldate", accessed.isoformat()),
        ("language", record.language),
    ]
    if record.subjects:
        fields.append(("keywords", bibtex_text(", ".join(record.subjects))))
    if record.collection:
        fields.append(("series", bibtex_text(record.collection.title)))
    if record.rights:
        fields.append(("copyright", bibtex_text(record.rights_label)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{citation_key(record)},\n{body}\n}}\n"


def ris_citation(record: ItemRecord, accessed: date) -> str:
    lines = [("TY", "ART"), ("TI", record.title)]
    lines += [("AU", ris_name(creator)) for creator in record.creators]
    if record.dating and record.dating.exact_year is not None:
        lines.append(("PY", str(record.dating.exact_year)))
    elif record.dating:
        # RIS's DA is "YYYY/MM/DD/other": reference managers read the year, the text after it keeps "c." or
        # the range; PY would claim an exact year.
        lines.append(("DA", f"{ris_year(record.dating)}///{record.date_text or record.dating.edtf}"))
    if record.date_text:
        lines.append(("N1", record.date_text))
    lines += [("AN", record.inventory_number), ("PB", provider_name(record.language))]
    if record.collection:
        lines.append(("T2", record.collection.title))
    if record.place and record.place.town:
        lines.append(("CY", record.place.town))
    if record.techniques or record.materials:
        lines.append(("M3", ", ".join(record.techniques + record.materials)))
    if record.description:
        lines.append(("AB", record.description))
    lines += [("KW", subject) for subject in record.subjects]
    lines += [("UR", record.permanent_url), ("Y2", accessed.strftime("%Y/%m/%d")), ("LA", record.language), ("ER", "")]
    # RIS is one tag per line: "TY  - value", CRLF line ends, no line breaks inside values.
    return "".join(f"{tag}  - {one_line(value)}".rstrip() + "\r\n" for tag, value in lines)


def csl_data(record: ItemRecord, accessed: date) -> dict:
    data = {
        "id": citation_key(record),
        "type": "graphic",
        "title": record.title,
        "URL": record.permanent_url,
        "accessed": {"date-parts": [[accessed.year, accessed.month, accessed.day]]},
        "archive": provider_name(record.language),
        "archive_location": record.inventory_number,
        "language": record.language,
    }
    if record.creators:
        data["author"] = [csl_name(creator) for creator in record.creators]
    issued = csl_issued(record)
    if issued:
        data["issued"] = issued
    if record.collection:
        data["collection-title"] = record.collection.title
    if record.techniques or record.materials:
        data["medium"] = ", ".join(record.techniques + record.materials)
    if record.dimensions:
        data["dimensions"] = record.dimensions
    if record.description:
        data["abstract"] = record.description
    if record.place and record.place.town:
        data["publisher-place"] = record.place.town  # what Zotero reads as an artwork's place, as RIS CY
    return data


def ris_year(dated) -> int:
    """The year a reference manager files a fuzzy date under: its central year, else where it starts."""
    return dated.central_year if dated.central_year is not None else dated.earliest


def csl_issued(record: ItemRecord) -> dict | None:
    """CSL's date: the year (or the two ends of the range), `circa` when the curator wrote so; the text as
    written only where there are no years (CSL processors print a literal instead of the parts)."""
    dated = record.dating
    if dated is None:
        return {"literal": record.date_text} if record.date_text else None
    if dated.central_year is not None or dated.earliest == dated.latest:
        parts = [[dated.central_year if dated.central_year is not None else dated.earliest]]
    else:
        parts = [[dated.earliest], [dated.latest]]
    issued = {"date-parts": parts}
    if dated.approximate:
        issued["circa"] = True
    return issued


def csl_json_citation(record: ItemRecord, accessed: date) -> str:
    return json.dumps([csl_data(record, accessed)], ensure_ascii=False, indent=2) + "\n"


CITATION_FORMATS = {
    citation.key: citation
    for citation in (
        CitationFormat("txt", gettext_lazy("Plain text"), "text/plain", "txt", plain_citation),
        CitationFormat("bib", "BibTeX", "application/x-bibtex", "bib", bibtex_citation),
        CitationFormat("ris", "RIS", "application/x-research-info-systems", "ris", ris_citation),
        CitationFormat("json", "CSL-JSON", "application/vnd.citationstyles.csl+json", "json", csl_json_citation),
    )
}
