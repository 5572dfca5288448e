"""Every EDM record of the sample collections, harvested over /oai, against Europeana's own EDM.xsd.

Two validators read the vendored schema (schemas/edm/README.md): libxml2 through lxml, and the pure-Python
xmlschema, so a quirk of one cannot pass a record the other refuses. The rdflib reading of test_edm.py is
applied too, and the oai_dc harvest of the same records must carry no text escaped twice.
"""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import xmlschema
from lxml import etree
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from .samples import AGGREGATION_MUSTS, EDM, OAI, ORE, harvest, load_sample_collections

EDM_XSD = Path(__file__).parent / "schemas" / "edm" / "EDM.xsd"
# Text that was HTML-escaped before the XML writer escaped it again reads as a character reference.
ESCAPED_TWICE = re.compile(r"&(#x?[0-9a-fA-F]+|[a-zA-Z]+);")

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


def metadata_of(records: list[ET.Element]) -> list[tuple[str, ET.Element]]:
    found = []
    for record in records:
        identifier = record.find(f"{OAI}header/{OAI}identifier").text
        metadata = record.find(f"{OAI}metadata")
        assert metadata is not None and len(metadata) == 1, identifier
        found.append((identifier, metadata[0]))
    return found


def schema_errors(libxml2: etree.XMLSchema, pure: xmlschema.XMLSchema, rdf: ET.Element) -> list[str]:
    data = ET.tostring(rdf)
    errors = [] if libxml2.validate(etree.fromstring(data)) else [f"libxml2: {e.message}" for e in libxml2.error_log]
    errors += [f"xmlschema: {error.reason} at {error.path}" for error in pure.iter_errors(data.decode())]
    return errors


def assert_rdf_reads(identifier: str, rdf: ET.Element) -> None:
    graph = Graph().parse(data=ET.tostring(rdf), format="xml")
    (aggregation,) = graph.subjects(RDF.type, ORE.Aggregation)
    for predicate in AGGREGATION_MUSTS:
        assert graph.value(aggregation, predicate) is not None, (identifier, predicate)
    shown_by = graph.value(aggregation, EDM.isShownBy)
    if shown_by is not None:
        assert (shown_by, RDF.type, EDM.WebResource) in graph, identifier
        for view in graph.objects(aggregation, EDM.hasView):
            assert (URIRef(view), RDF.type, EDM.WebResource) in graph, (identifier, view)


def assert_escaped_once(identifier: str, root: ET.Element) -> None:
    for element in root.iter():
        assert not ESCAPED_TWICE.search(element.text or ""), (identifier, element.tag, element.text)


def test_every_sample_edm_record_is_valid_against_europeanas_schema(client, tmp_path, settings):
    settings.OAI_PAGE_SIZE = 25  # several pages: resumption tokens are followed
    load_sample_collections(tmp_path / "collections")
    records, requests = harvest(client, "edm")
    assert requests > 1 and len(records) >= 100
    libxml2, pure = etree.XMLSchema(etree.parse(str(EDM_XSD))), xmlschema.XMLSchema(str(EDM_XSD))
    failures = {}
    for identifier, rdf in metadata_of(records):
        errors = schema_errors(libxml2, pure, rdf)
        if errors:
            failures[identifier] = errors
        assert_rdf_reads(identifier, rdf)
        assert_escaped_once(identifier, rdf)
    assert not failures, f"{len(failures)} of {len(records)} records fail: {dict(list(failures.items())[:3])}"
    with_media = [rdf for _, rdf in metadata_of(records) if rdf.find(f"{{{EDM}}}WebResource") is not None]
    assert len(with_media) >= 90  # the ones that failed before the order was fixed
    dc_records, _ = harvest(client, "oai_dc")
    assert len(dc_records) == len(records)
    for identifier, dc in metadata_of(dc_records):
        assert_escaped_once(identifier, dc)


def test_the_schema_refuses_the_old_order_inside_a_web_resource():
    """The validators do see order: has_service before isReferencedBy, as written before, is refused."""
    rdf = (
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:edm="http://www.europeana.eu/'
        'schemas/edm/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:svcs="http://rdfs.org/sioc/services#">'
        '<edm:WebResource rdf:about="https://archive.example/iiif/3/a/full/max/0/default.jpg">'
        '<svcs:has_service rdf:resource="https://archive.example/iiif/3/a"/>'
        '<dcterms:isReferencedBy rdf:resource="https://archive.example/iiif/manifest/A"/>'
        "</edm:WebResource></rdf:RDF>"
    )
    libxml2, pure = etree.XMLSchema(etree.parse(str(EDM_XSD))), xmlschema.XMLSchema(str(EDM_XSD))
    errors = schema_errors(libxml2, pure, ET.fromstring(rdf))
    assert any(e.startswith("libxml2:") for e in errors) and any(e.startswith("xmlschema:") for e in errors)
