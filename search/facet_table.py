"""Every facet of the search, declared once: one row each, which both backends, the URL's parameters, the
OpenAPI document, the page (sidebar, chips, map and time line) and the tests read.

A row says what the facet is called (its URL parameter, its title through gettext), how a URL value is read
and described (search/readers.py), what the Elasticsearch document holds in which field (the terms
aggregation and filter follow), how the database backend filters and counts it
(search/backends/database_filters.py, database_facets.py), how its values are labelled (search/facet_labels.py),
how many values are shown and in which order.

To add a facet: add its row here, with a function in those modules where it filters, counts or labels in a new
way; raise MAPPING_VERSION (search/backends/es_mapping.py) and run `search_reindex`; translate its title in
archive/locale/lt/LC_MESSAGES/django.po. tests/search/test_facet_table.py checks every place handles each row.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from archive.catalogue.models import ItemCreator, ItemPage, ItemTag, WorkStatus
from archive.vocabularies.models import Creator, Material, Place, Technique
from search import facet_labels as labels
from search.backends import database_facets as counts
from search.backends import database_filters as filters
from search.facet_labels import Labels
from search.query import MAX_DECADE_SPAN, SearchQuery, centuries_between, decades_between
from search.readers import read_century, read_decade, read_key, read_state

SIZE = 30  # values shown of a facet, those with most items
EVERY_VALUE = 10_000  # the size of a facet counted in full (the map's places): more than the catalogue holds


@dataclass(frozen=True)
class FacetRow:
    name: str  # the URL parameter and the key of its counts in the API
    title: Promise
    description: str  # of the URL parameter, in the OpenAPI document
    example: str  # a value the URL parameter takes
    index_field: str  # of the Elasticsearch document
    document_value: Callable  # ItemRecord (search/documents.py) -> what index_field holds
    filter: filters.Filter  # the database backend's items having any of the chosen values
    count: counts.Counting  # the database backend's count of each value among the matches
    labels: Labels
    read: Callable[[str], str] = read_key  # one URL value; raises Rejected
    schema: dict = field(default_factory=lambda: {"type": "string"})  # of one value, in the OpenAPI document
    index_type: str = "keyword"
    size: int = SIZE
    by_value: bool = False  # the first values by value are counted, not those with most items
    chronological: bool = False  # shown in time order
    value_order: tuple[str, ...] = ()  # shown in this order rather than by count

    @property
    def holds_keys(self) -> bool:
        """Its values are keys the catalogue holds (checked against it), not numbers or states."""
        return self.read is read_key

    @property
    def aggregation_order(self) -> dict:
        return {"_key": "asc"} if self.by_value else {"_count": "desc"}

    def size_for(self, query: SearchQuery) -> int:
        return EVERY_VALUE if self.name in query.every_value else self.size


def first_key(attribute: str) -> Callable:
    """The key of an item's one term (place, collection), or None."""
    return lambda item: getattr(item, attribute)[0] if getattr(item, attribute) else None


def every_key(attribute: str) -> Callable:
    return lambda item: sorted({key for key, _names in getattr(item, attribute)})


def years_in(between: Callable) -> Callable:
    return lambda item: between(item.year_earliest, item.year_latest)


def repeat(what: str) -> str:
    return f"{what}; repeat for any of several."


FACETS = (
    FacetRow(
        "collection",
        _("Collection"),
        repeat("Collection slug"),
        "vitrazai",
        "collection_key",
        first_key("collection"),
        filters.in_collections,
        counts.collections,
        labels.collections,
        size=50,
    ),
    FacetRow(
        "creator",
        _("Creator"),
        repeat("Creator key"),
        "pavyzdine-vitrazu-dirbtuve-a",
        "creator_keys",
        every_key("creators"),
        filters.by_creators,
        counts.linked(ItemCreator, "item_id", "creator_id", Creator),
        labels.terms(Creator),
    ),
    FacetRow(
        "place",
        _("Place"),
        repeat("Place key"),
        "herkaus-manto-g",
        "place_key",
        first_key("place"),
        filters.in_places,
        counts.column("place_id", Place),
        labels.terms(Place),
    ),
    FacetRow(
        "technique",
        _("Technique or material"),
        repeat("Technique or material key"),
        "svininis-vitrazas",
        "technique_keys",
        every_key("techniques"),
        filters.by_techniques_or_materials,
        counts.added(
            counts.linked(ItemPage.techniques.through, "itempage_id", "technique_id", Technique),
            counts.linked(ItemPage.materials.through, "itempage_id", "material_id", Material),
        ),
        labels.terms(Technique, Material),
    ),
    FacetRow(
        "subject",
        _("Subject"),
        repeat("Subject slug"),
        "uostas",
        "subject_keys",
        every_key("subjects"),
        filters.about_subjects,
        counts.linked(ItemTag, "content_object_id", "tag_id", Tag, key="slug"),
        labels.subjects,
    ),
    FacetRow(
        "century",
        _("Century"),
        repeat('Century number (20 = 1900-1999, as the catalogue reads "XX a.")') + " Undated items are in none.",
        "20",
        "centuries",
        years_in(centuries_between),
        filters.in_centuries,
        counts.spans(centuries_between),
        labels.centuries,
        read=read_century,
        schema={"type": "string", "pattern": "^[0-9]+$"},
        index_type="short",
        by_value=True,
        chronological=True,
    ),
    FacetRow(
        "decade",
        _("Decade"),
        repeat("First year of a decade (1930 = 1930-1939)") + " Undated items, and "
        f"items dated to a range longer than {MAX_DECADE_SPAN} years, are in none.",
        "1930",
        "decades",
        years_in(decades_between),
        filters.in_decades,
        counts.spans(decades_between),
        labels.decades,
        read=read_decade,
        schema={"type": "string", "pattern": "^[0-9]*0$"},
        index_type="short",
        chronological=True,
    ),  # the decades with most items, shown in time order
    FacetRow(
        "state",
        _("Current state"),
        repeat("Current state of the work, after the latest recorded event in its life (lost = destroyed)")
        + " Items with no recorded events have none.",
        "lost",
        "work_status",
        lambda item: item.work_status or None,
        filters.in_states,
        counts.column("work_status"),
        labels.states,
        read=read_state,
        schema={"type": "string", "enum": list(WorkStatus.values)},
        size=10,
        value_order=tuple(WorkStatus.values),
    ),  # the model's order, from surviving to lost
)
FACET = {facet.name: facet for facet in FACETS}
