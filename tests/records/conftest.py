"""An item with everything a citation can carry: creators, place, vocabularies, images."""

import pytest

from archive.catalogue.models import ItemCreator
from archive.vocabularies.models import Creator, Material, Place, Technique
from tests.factories import make_image, make_item

CC_BY = "http://creativecommons.org/licenses/by/4.0/"


@pytest.fixture
def rich_item(collection):
    place = Place.objects.create(
        key="turgaus",
        name="Turgaus aikštė",
        name_en="Market square",
        address="Turgaus g. 1",
        latitude=55.7083,
        longitude=21.1333,
    )
    item = make_item(
        collection,
        title="Langas & vitražas 100% {originalas}",
        inventory_number="KLAVB-V-001",
        date_text="apie 1935 m.",
        year_earliest=1933,
        year_latest=1937,
        place=place,
        rights=CC_BY,
        credit_line="Klaipėdos miesto savivaldybės viešoji biblioteka",
        dimensions="120 × 80 cm",
        description="<p>Spalvotas stiklas.</p><p>Antra pastraipa.</p>",
        images=[make_image("Scan one", 300, 200)],
    )
    item.creators.add(
        ItemCreator(
            creator=Creator.objects.create(key="pavyzdelis", name="Jonas Pavyzdėlis"), role=ItemCreator.Role.ARTIST
        )
    )
    item.creators.add(
        ItemCreator(
            creator=Creator.objects.create(key="dirbtuve", name="Vitražų dirbtuvė", kind=Creator.Kind.WORKSHOP),
            role=ItemCreator.Role.WORKSHOP,
        )
    )
    item.techniques.add(Technique.objects.create(key="vitrazas", name="vitražas", name_en="stained glass"))
    item.materials.add(Material.objects.create(key="stiklas", name="stiklas", name_en="glass"))
    item.subjects.add("langai")
    item.save()
    return item
