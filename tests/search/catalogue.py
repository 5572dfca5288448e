"""A small bilingual catalogue for the search tests: stained glass, photographs, an unpublished item.

The herb window survives; the church window (in both languages) was destroyed, so its state is lost; the
photographs have no recorded life and no state. The portrait is undated.
"""

from dataclasses import dataclass

from wagtail.models import Locale, Page

from archive.catalogue.models import CollectionPage, HomePage, ItemCreator, ItemPage, WorkEvent
from archive.vocabularies.models import Creator, Material, Place, Technique
from tests.factories import make_collection, make_item


@dataclass
class Catalogue:
    stained: CollectionPage
    photos: CollectionPage
    herb: ItemPage
    church: ItemPage
    harbour: ItemPage
    undated: ItemPage
    hidden: ItemPage
    window_en: ItemPage


def item(collection, title, creators=(), subjects=(), **fields) -> ItemPage:
    page = make_item(collection, title=title, creators=[ItemCreator(creator=creator) for creator in creators], **fields)
    if subjects:
        page.subjects.add(*subjects)
        page.save()
    return page


def build_catalogue(home: HomePage) -> Catalogue:
    glass = Technique.objects.create(key="vitrazas", name="vitražas", name_en="stained glass")
    photo = Technique.objects.create(key="fotografija", name="fotografija", name_en="photography")
    lead = Material.objects.create(key="svinas", name="švinas", name_en="lead")
    pavyzdelis = Creator.objects.create(key="pavyzdelis", name="Jonas Pavyzdėlis", name_en="Jonas Pavyzdėlis")
    workshop = Creator.objects.create(key="pavyzdine-dirbtuve", name="Pavyzdinė stiklo dirbtuvė", kind="workshop")
    klaipeda = Place.objects.create(key="klaipeda", name="Klaipėda", name_en="Klaipėda")
    kretinga = Place.objects.create(key="kretinga", name="Kretinga", name_en="Kretinga")

    stained = make_collection(home, title="Vitražai", slug="vitrazai")
    photos = make_collection(home, title="Fotografijos", slug="fotografijos")
    herb = item(
        stained,
        "Vitražas su Klaipėdos herbu",
        inventory_number="KLAVB-V-001",
        creators=[pavyzdelis],
        place=klaipeda,
        techniques=[glass],
        materials=[lead],
        year_earliest=1935,
        year_latest=1937,
        date_text="apie 1936 m.",
        inscriptions="MEMEL 1936",
        subjects=["herbas"],
        description="<p>Spalvotas stiklas ir švinas, miesto herbas su bokštais.</p>",
        life_events=[WorkEvent(kind="created", year_earliest=1936)],
    )
    church = item(
        stained,
        "Bažnyčios langas",
        inventory_number="KLAVB-V-002",
        creators=[workshop],
        place=kretinga,
        techniques=[glass],
        year_earliest=1890,
        year_latest=1910,
        description="<p>Šventųjų figūros bažnyčios lange.</p>",
        subjects=["bažnyčia"],
        life_events=destroyed(),
    )
    harbour = item(
        photos,
        "Uosto panorama",
        inventory_number="KLAVB-F-010",
        place=klaipeda,
        techniques=[photo],
        year_earliest=1960,
        year_latest=1960,
        subjects=["uostas"],
        description="<p>Klaipėdos uostas iš švyturio.</p>",
    )
    undated = item(photos, "Nežinomas portretas", inventory_number="KLAVB-F-011", techniques=[photo])
    hidden = item(stained, "Slaptas vitražas", inventory_number="KLAVB-V-099", live=False, techniques=[glass])
    window_en = item(
        english_collection(),
        "Stained glass windows of the Klaipėda church",
        inventory_number="KLAVB-V-002",
        creators=[workshop],
        place=kretinga,
        techniques=[glass],
        year_earliest=1890,
        year_latest=1910,
        life_events=destroyed(),
    )
    return Catalogue(stained, photos, herb, church, harbour, undated, hidden, window_en)


def destroyed() -> list[WorkEvent]:
    return [
        WorkEvent(kind="created", year_earliest=1890, sort_order=0),
        WorkEvent(kind="destroyed", year_earliest=1944, sort_order=1),
    ]


def english_collection() -> CollectionPage:
    locale = Locale.objects.get_or_create(language_code="en")[0]
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Archive", slug="home-en", locale=locale))
    return home.add_child(instance=CollectionPage(title="Stained glass", slug="stained-glass", locale=locale))
