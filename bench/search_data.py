"""Generate a large synthetic catalogue fast (bulk inserts into the page tree) for the search benchmark.

Wagtail's `add_child` costs several queries per page; 100,000 items that way take most of an hour.
Here Page rows are bulk-created with tree paths computed up front, then the ItemPage rows and the
relations are inserted in bulk. Only the benchmark uses this; the catalogue never does.
"""

import random
import uuid
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Locale, Page, Site

from archive.catalogue.models import (
    CollectionPage,
    HomePage,
    ItemAlternativeTitle,
    ItemCreator,
    ItemPage,
    ItemTag,
)
from archive.vocabularies.models import Creator, Material, Place, Technique

NOUNS = [
    "vitražas",
    "langas",
    "bažnyčia",
    "uostas",
    "laivas",
    "namas",
    "gatvė",
    "tiltas",
    "švyturys",
    "portretas",
    "herbas",
    "turgus",
    "paminklas",
    "teatras",
    "stotis",
    "mokykla",
    "malūnas",
    "vartai",
    "kapinės",
    "sodas",
    "pilis",
    "kelias",
    "upė",
    "jūra",
    "kopos",
    "žvejai",
    "prekyba",
    "vėliava",
]
ADJECTIVES = [
    "senasis",
    "spalvotas",
    "didysis",
    "mažasis",
    "naujas",
    "medinis",
    "akmeninis",
    "žiemos",
    "vasaros",
    "rytų",
    "vakarų",
    "miesto",
    "jūrinis",
    "šventasis",
    "raudonas",
    "mėlynas",
]
PLACES = [
    "Klaipėda",
    "Kretinga",
    "Palanga",
    "Šilutė",
    "Nida",
    "Juodkrantė",
    "Gargždai",
    "Priekulė",
    "Kintai",
    "Rusnė",
    "Skuodas",
    "Plungė",
    "Telšiai",
    "Tauragė",
    "Smiltynė",
]
TECHNIQUES = [
    "vitražas",
    "fotografija",
    "tapyba",
    "grafika",
    "litografija",
    "medžio raižinys",
    "akvarelė",
    "piešinys",
    "mozaika",
    "keramika",
    "skulptūra",
    "atvirukas",
]
MATERIALS = ["stiklas", "švinas", "popierius", "drobė", "medis", "akmuo", "bronza", "molis", "kartonas"]
FIRST = ["Stasys", "Jonas", "Ona", "Marija", "Petras", "Elena", "Antanas", "Vytautas", "Hermann", "Anna"]
LAST = ["Ušinskas", "Kairiūkštis", "Petrauskas", "Jonaitis", "Kazlauskienė", "Schmidt", "Müller", "Vaitkus"]
COLLECTIONS = [
    "Vitražai",
    "Fotografijos",
    "Atvirukai",
    "Plakatai",
    "Žemėlapiai",
    "Rankraščiai",
    "Grafika",
    "Tapyba",
    "Architektūra",
    "Uostas",
]


@dataclass
class Vocabulary:
    creators: list[Creator]
    places: list[Place]
    techniques: list[Technique]
    materials: list[Material]
    tags: list[Tag]


def make_vocabulary(rng: random.Random) -> Vocabulary:
    creators = Creator.objects.bulk_create(
        Creator(key=f"creator-{n}", name=f"{rng.choice(FIRST)} {rng.choice(LAST)} {n}") for n in range(300)
    )
    places = Place.objects.bulk_create(
        Place(key=f"place-{n}", name=f"{PLACES[n % len(PLACES)]}{'' if n < len(PLACES) else f' {n}'}")
        for n in range(200)
    )
    techniques = Technique.objects.bulk_create(
        Technique(key=f"technique-{n}", name=name) for n, name in enumerate(TECHNIQUES)
    )
    materials = Material.objects.bulk_create(
        Material(key=f"material-{n}", name=name) for n, name in enumerate(MATERIALS)
    )
    tags = Tag.objects.bulk_create(
        Tag(name=f"{noun} {n}", slug=f"tag-{n}") for n, noun in enumerate(rng.choice(NOUNS) for _ in range(150))
    )
    return Vocabulary(creators, places, techniques, materials, tags)


def make_site() -> list[CollectionPage]:
    locale = Locale.objects.get_or_create(language_code="lt")[0]
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Archyvas", slug="bench-home", locale=locale))
    Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, "hostname": "localhost"})
    return [
        home.add_child(instance=CollectionPage(title=title, slug=f"bench-{n}")) for n, title in enumerate(COLLECTIONS)
    ]


def sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(NOUNS + ADJECTIVES + PLACES) for _ in range(words))


def generate(total: int, seed: int = 5, batch: int = 2000, progress=None) -> int:
    rng = random.Random(seed)
    collections = make_site()
    vocabulary = make_vocabulary(rng)
    made = 0
    while made < total:
        size = min(batch, total - made)
        with transaction.atomic():
            insert_batch(rng, collections, vocabulary, made, size)
        made += size
        if progress:
            progress(made, total)
    for collection in collections:
        CollectionPage.objects.filter(pk=collection.pk).update(numchild=ItemPage.objects.child_of(collection).count())
    return made


def insert_batch(rng, collections, vocabulary, start: int, size: int) -> None:
    content_type = ContentType.objects.get_for_model(ItemPage)
    now = timezone.now()
    pages, items = [], []
    for number in range(start, start + size):
        collection = collections[number % len(collections)]
        step = number // len(collections) + 1
        slug = f"item-{number}"
        title = f"{rng.choice(NOUNS).capitalize()} {rng.choice(ADJECTIVES)} {rng.choice(PLACES)}"
        earliest = rng.randint(1700, 2000)
        pages.append(
            Page(
                path=Page._get_path(collection.path, collection.depth + 1, step),
                depth=collection.depth + 1,
                numchild=0,
                title=title,
                draft_title=title,
                slug=slug,
                content_type=content_type,
                live=True,
                url_path=f"{collection.url_path}{slug}/",
                locale_id=collection.locale_id,
                translation_key=uuid.uuid4(),
                first_published_at=now,
                last_published_at=now,
            )
        )
        items.append(
            dict(
                inventory_number=f"BENCH-{number:06d}",
                date_text=f"apie {earliest} m.",
                year_earliest=earliest,
                year_latest=earliest + rng.choice([0, 0, 1, 5, 10, 50]),
                place=rng.choice(vocabulary.places),
                description=f"<p>{sentence(rng, 25)}</p>",
                inscriptions=sentence(rng, 4),
                rights="http://rightsstatements.org/vocab/InC/1.0/",
            )
        )
    pages = Page.objects.bulk_create(pages)
    objects = [ItemPage(page_ptr_id=page.pk, **fields) for page, fields in zip(pages, items, strict=True)]
    ItemPage.objects._insert(objects, fields=ItemPage._meta.local_concrete_fields)
    insert_relations(rng, [page.pk for page in pages], vocabulary)


def insert_relations(rng, page_ids: list[int], vocabulary: Vocabulary) -> None:
    techniques, materials, creators, tags, titles = [], [], [], [], []
    for page_id in page_ids:
        techniques += [
            ItemPage.techniques.through(itempage_id=page_id, technique=term)
            for term in rng.sample(vocabulary.techniques, rng.randint(1, 2))
        ]
        materials += [
            ItemPage.materials.through(itempage_id=page_id, material=term)
            for term in rng.sample(vocabulary.materials, rng.randint(0, 2))
        ]
        creators += [ItemCreator(item_id=page_id, creator=rng.choice(vocabulary.creators), sort_order=0)]
        tags += [ItemTag(content_object_id=page_id, tag=tag) for tag in rng.sample(vocabulary.tags, 2)]
        if rng.random() < 0.2:
            titles.append(ItemAlternativeTitle(item_id=page_id, text=sentence(rng, 3), sort_order=0))
    for model, rows in (
        (ItemPage.techniques.through, techniques),
        (ItemPage.materials.through, materials),
        (ItemCreator, creators),
        (ItemTag, tags),
        (ItemAlternativeTitle, titles),
    ):
        model.objects.bulk_create(rows)
