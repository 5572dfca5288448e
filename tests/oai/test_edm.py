"""EDM over OAI-PMH: a full harvest by a real client, every record parsed as RDF/XML and checked."""

import xml.etree.ElementTree as ET

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DC, DCTERMS, RDF

from archive.oai.models import ItemChange
from archive.vocabularies.models import Place
from tests.factories import make_collection, make_home, make_image

from .builders import published_item
from .samples import AGGREGATION_MUSTS, EDM, ORE

SVCS = Namespace("http://rdfs.org/sioc/services#")
WGS84 = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")

pytestmark = pytest.mark.slow


@pytest.fixture
def catalogue(harvester):
    home = make_home()
    glass = make_collection(home, title="Vitražai", slug="vitrazai")
    place = Place.objects.create(key="liepu", name="Liepų gatvė", latitude=55.7133, longitude=21.1353)
    for number in range(1, 4):
        published_item(
            glass,
            title=f"Vitražas {number}",
            inventory_number=f"V-{number}",
            place=place,
            rights="http://creativecommons.org/licenses/by/4.0/",
            images=[make_image(f"Langas {number}", 120, 90), make_image(f"Detalė {number}", 60, 40)],
        )
    assert ItemChange.objects.count() >= 3
    return {"V-1", "V-2", "V-3"}


def test_edm_is_listed_as_a_metadata_format(harvester, catalogue):
    prefixes = {entry.metadataPrefix for entry in harvester.ListMetadataFormats()}
    assert {"oai_dc", "edm"} <= prefixes


def test_full_edm_harvest_parses_as_rdf_with_every_mandatory_element(harvester, catalogue):
    records = list(harvester.ListRecords(metadataPrefix="edm"))
    assert {record.header.identifier.rsplit(":", 1)[1] for record in records} == catalogue
    for record in records:
        rdf = ET.tostring(record.xml.find(".//{http://www.openarchives.org/OAI/2.0/}metadata")[0])
        graph = Graph().parse(data=rdf, format="xml")
        (cho,) = graph.subjects(RDF.type, EDM.ProvidedCHO)
        assert graph.value(cho, DC.title) is not None
        assert graph.value(cho, EDM.type) == Literal("IMAGE")
        assert any(graph.objects(cho, predicate) for predicate in (DC.type, DC.subject, DCTERMS.spatial))
        (aggregation,) = graph.subjects(RDF.type, ORE.Aggregation)
        for predicate in AGGREGATION_MUSTS:
            assert graph.value(aggregation, predicate) is not None, predicate
        assert graph.value(aggregation, EDM.aggregatedCHO) == cho
        assert graph.value(aggregation, EDM.rights) == URIRef("http://creativecommons.org/licenses/by/4.0/")
        shown_by = graph.value(aggregation, EDM.isShownBy)
        assert (shown_by, RDF.type, EDM.WebResource) in graph
        service = graph.value(shown_by, SVCS.has_service)
        assert str(service).startswith("http://127.0.0.1:8000/iiif/3/")
        assert len(list(graph.objects(aggregation, EDM.hasView))) == 1
        (place,) = graph.subjects(RDF.type, EDM.Place)
        assert float(graph.value(place, WGS84.lat)) == pytest.approx(55.7133)
