"""The item's own text fields, each declared once with everything the archive does with it.

As bakerydemo keeps `panels`, `api_fields` and `search_fields` beside a field, a field here names its label
(gettext, so both languages come from the translations), whether it is written per language (`bilingual`:
a `{lt, en}` mapping in seed files, `<name>_lt`/`<name>_en` columns in spreadsheets) and which outputs show
it. The seed loader, its validation, the spreadsheet import and export, the shared record
(archive/records/record.py), the manifest's metadata, EDM and oai_dc and the search index read this table.
Titles, dates and the links to vocabularies (creators, place, techniques, materials, subjects) have
structure of their own and are read where they are used.

Adding a text field: the model field on ItemPage, its migration and an entry here (see the README's
"Adding an item field"); tests/catalogue/test_fields.py checks that it reaches every output it names.
"""

from dataclasses import dataclass

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

RECORD = "record"  # ItemRecord (citations, schema.org, exports and OAI read it)
MANIFEST = "manifest"  # a label/value pair of the IIIF manifest's metadata
EDM = "edm"  # an element of edm:ProvidedCHO (`edm`, e.g. "dcterms:extent")
OAI_DC = "oai_dc"  # an element of oai_dc (`dc`, e.g. "format")
SEARCH = "search"  # a searched field of the item index
EXPORT = "export"  # a column of the public CSV/JSON export
OUTPUTS = (RECORD, MANIFEST, EDM, OAI_DC, SEARCH, EXPORT)


@dataclass(frozen=True)
class ItemField:
    name: str  # the ItemPage attribute, the seed record's key, the ItemRecord attribute, the column name
    label: Promise
    bilingual: bool = False
    rich: bool = False  # rich text on the page: paragraphs from the input, plain text in records
    outputs: frozenset[str] = frozenset()
    edm: str = ""  # "prefix:element" in edm:ProvidedCHO, when EDM is among the outputs
    dc: str = ""  # the oai_dc element, when OAI_DC is among the outputs

    @property
    def columns(self) -> tuple[str, ...]:
        """The spreadsheet columns that feed it."""
        return (f"{self.name}_lt", f"{self.name}_en") if self.bilingual else (self.name,)

    def label_in(self, language: str) -> str:
        with translation.override(language):
            return str(self.label)

    def shows_in(self, output: str) -> bool:
        return output in self.outputs


ITEM_FIELDS = (
    ItemField(
        "dimensions",
        _("Dimensions"),
        outputs=frozenset({RECORD, MANIFEST, EDM, OAI_DC, EXPORT}),
        edm="dcterms:extent",
        dc="format",
    ),
    ItemField(
        "description",
        _("Description"),
        bilingual=True,
        rich=True,
        outputs=frozenset({RECORD, EDM, OAI_DC, SEARCH, EXPORT}),
        edm="dc:description",
        dc="description",
    ),
    ItemField("inscriptions", _("Inscriptions"), outputs=frozenset({SEARCH})),
    ItemField("provenance", _("Provenance"), bilingual=True),
    ItemField("condition", _("Condition"), bilingual=True),
    # Its record value is the manifest's requiredStatement and the oai_dc rights statement.
    ItemField("credit_line", _("Credit line"), bilingual=True, outputs=frozenset({RECORD, EXPORT})),
)
BY_NAME = {field.name: field for field in ITEM_FIELDS}


def fields_for(output: str) -> tuple[ItemField, ...]:
    return tuple(field for field in ITEM_FIELDS if field.shows_in(output))


def in_layout(layout: tuple[str, ...], output: str) -> tuple[str, ...]:
    """An output's names in its own order, then any declared field it shows that the order does not place."""
    return (*layout, *(field.name for field in fields_for(output) if field.name not in layout))
