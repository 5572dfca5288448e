"""Text is escaped exactly once in every XML output: what a parser reads back is what the editor wrote.

Descriptions go the way they are stored (rich text, HTML-escaped, as the loader and importer write it) and
read (plain_text) before oai_dc and EDM write them; titles and names go straight in.
"""

import itertools
import xml.etree.ElementTree as ET
from urllib.parse import unquote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.catalogue.seed.text import paragraphs
from archive.core.plain_text import plain_text
from archive.oai.elements import to_bytes
from archive.oai.metadata.dc import oai_dc
from archive.oai.metadata.edm import edm
from archive.records.record import CreatorRecord, ItemRecord, PlaceRecord
from tests.factories import make_collection

MARKUP = "\"'&<>;#x27amp"
LITHUANIAN = "ąčęėįšųūžĄČĘĖĮŠŲŪŽ"
WORD = st.text(alphabet=MARKUP + LITHUANIAN + "Klaipėd", min_size=1, max_size=12)
# One line of words as an editor types it (plain_text keeps paragraphs, one space between words).
TEXT = st.lists(WORD, min_size=1, max_size=5).map(" ".join)
PAGES = itertools.count()


def written(record: ItemRecord) -> dict[str, ET.Element]:
    """The record through each format and back through an XML parser."""
    return {form.prefix: ET.fromstring(to_bytes(form.render({record.language: record}))) for form in (oai_dc, edm)}


def texts(root: ET.Element) -> list[str]:
    return [element.text for element in root.iter() if element.text]


@settings(max_examples=60, deadline=None)
@given(title=TEXT, description=TEXT, creator=TEXT, place=TEXT)
def test_text_reads_back_exactly_from_oai_dc_and_edm(title, description, creator, place):
    record = ItemRecord(
        inventory_number="KVB-1",
        language="lt",
        title=title,
        rights="http://rightsstatements.org/vocab/InC/1.0/",
        texts={"description": plain_text(paragraphs(description))},
        creators=(CreatorRecord(creator, "artist", "", True),),
        place=PlaceRecord(place, "", 55.7, 21.1),
        subjects=(title,),
    )
    for prefix, root in written(record).items():
        found = texts(root)
        for text in (title, description, creator, place):
            assert text in found, (prefix, text, found)


@settings(max_examples=60, deadline=None)
@given(text=TEXT)
def test_a_stored_description_reads_back_as_written(text):
    assert plain_text(paragraphs(text)) == text
    assert plain_text(paragraphs(f"{text}\n\n{text}")) == f"{text}\n{text}"


@pytest.mark.django_db
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(slug=st.text(alphabet="abcz-" + LITHUANIAN.lower(), min_size=1, max_size=20))
def test_sitemap_addresses_read_back_exactly(client, home, slug):
    """The sitemap carries addresses only; slugs take letters (Lithuanian ones too), digits, - and _.

    An address reads back as the page's own (percent-encoded where it holds non-ASCII letters), never with
    a character reference left in it."""
    page = make_collection(home, title="Rinkinys", slug=f"p{next(PAGES)}-{slug}")
    root = ET.fromstring(client.get("/sitemap.xml").content)
    locations = [element.text for element in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert not [location for location in locations if "&" in location], locations
    assert [location for location in locations if unquote(location).endswith(f"/{page.slug}/")], locations
