"""A small catalogue for the result-view and compare journeys: four items in both languages, in three
places (two with coordinates) and three decades (one undated item), each with a picture."""

from decimal import Decimal

from wagtail.models import Locale

from archive.vocabularies.models import Place
from search.indexing import sync_changes
from tests.factories import make_item

# inventory number: (Lithuanian title, English title, place key, earliest, latest)
ITEMS = {
    "BR-1": ("Turgaus aikštė", "Market square", "klaipeda", 1935, 1935),
    "BR-2": ("Uosto vaizdas", "View of the port", "klaipeda", 1938, 1941),
    "BR-3": ("Švyturys", "The lighthouse", "smiltyne", 1962, 1962),
    "BR-4": ("Senamiesčio kiemas", "An Old Town yard", "senamiestis", None, None),
}
PLACES = [
    ("klaipeda", "Klaipėda", "Klaipeda", "55.712000", "21.131000"),
    ("smiltyne", "Smiltynė", "Smiltyne", "55.705000", "21.100000"),
    ("senamiestis", "Senamiestis", "Old Town", None, None),
]


def places_and_decades(catalogue) -> dict:
    """The catalogue fixture's two items given places and years, two more added, all translated to English."""
    places = {
        key: Place.objects.create(
            key=key,
            name=name,
            name_en=name_en,
            latitude=Decimal(lat) if lat else None,
            longitude=Decimal(lon) if lon else None,
        )
        for key, name, name_en, lat, lon in PLACES
    }
    picture = catalogue["items"][0].ordered_images()[0].image
    items = list(catalogue["items"]) + [
        make_item(catalogue["collection"], title=ITEMS[number][0], inventory_number=number, images=[picture])
        for number in ("BR-3", "BR-4")
    ]
    english = Locale.objects.get_or_create(language_code="en")[0]
    for item in items:
        _title, title_en, place, earliest, latest = ITEMS[item.inventory_number]
        item.place, item.year_earliest, item.year_latest = places[place], earliest, latest
        item.save_revision().publish()
        translation = item.copy_for_translation(english, copy_parents=True)
        translation.title = title_en
        translation.save_revision().publish()
    sync_changes()
    return {**catalogue, "items": items}
