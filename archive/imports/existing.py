"""What the catalogue holds for one import, read in a few queries however long the file: collections,
vocabulary keys, the names of linked objects, and each item the file names as its next revision would
start from (its latest revision when that is newer than the page, as in the page editor)."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Prefetch
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from taggit.models import Tag
from wagtail.models import Locale, WorkflowState

from archive.catalogue.models import CollectionPage, ItemPage
from archive.dating.models import known_periods
from archive.vocabularies.models import Creator, Material, Place, Technique
from archive.vocabularies.rights import RIGHTS_URIS

from .records import KeyNames, page_as_row
from .terms import Vocabulary, load_vocabularies

# Everything a page's revision holds beyond its own row: prefetched so serialising it costs no queries.
ITEM_RELATIONS = (
    *(relation.get_accessor_name() for relation in get_all_child_relations(ItemPage)),
    *(field.name for field in get_all_child_m2m_relations(ItemPage)),
)
CHUNK = 1000


@dataclass
class ExistingItem:
    pages: dict[str, ItemPage]  # the page rows, by language code
    bases: dict[str, ItemPage]  # what the next revision starts from, by language code
    row: dict[str, str]

    @property
    def lithuanian(self) -> ItemPage:
        return self.pages[settings.LANGUAGE_CODE]


@dataclass
class CatalogueContext:
    locales: dict[str, Locale]
    collections: dict[str, dict[str, CollectionPage]]  # slug: {language: page}
    vocabulary_keys: dict[str, set[str]]
    inventory_numbers: set[str]
    periods: dict
    names: KeyNames
    items: dict[str, ExistingItem]
    vocabularies: dict[str, Vocabulary]

    @classmethod
    def load(cls, numbers: Iterable[str]) -> "CatalogueContext":
        locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in languages()}
        collections = load_collections(locales)
        names = load_names(collections)
        vocabularies = load_vocabularies(collection_titles(collections))
        return cls(
            locales=locales,
            collections=collections,
            vocabulary_keys={
                **{name: vocabulary.keys for name, vocabulary in vocabularies.items()},
                "rights": set(RIGHTS_URIS),
            },
            inventory_numbers=set(
                ItemPage.objects.filter(locale=locales[settings.LANGUAGE_CODE]).values_list(
                    "inventory_number", flat=True
                )
            ),
            periods=known_periods(),
            names=names,
            items=load_items(sorted(set(numbers)), locales, names),
            vocabularies=vocabularies,
        )

    def collection_slug(self, item: ExistingItem) -> str:
        return self.names.collections.get(item.lithuanian.path[: -ItemPage.steplen], "")


def languages() -> list[str]:
    """The content languages, the default (the original of every translation) first."""
    codes = [code for code, _name in settings.LANGUAGES]
    return sorted(codes, key=lambda code: code != settings.LANGUAGE_CODE)


def load_collections(locales: dict[str, Locale]) -> dict[str, dict[str, CollectionPage]]:
    pages = list(CollectionPage.objects.filter(locale__in=locales.values()))
    by_key = {(page.translation_key, page.locale_id): page for page in pages}
    default = locales[settings.LANGUAGE_CODE]
    return {
        page.slug: {
            code: by_key[(page.translation_key, locale.pk)]
            for code, locale in locales.items()
            if (page.translation_key, locale.pk) in by_key
        }
        for page in pages
        if page.locale_id == default.pk
    }


def collection_titles(collections: dict[str, dict[str, CollectionPage]]) -> dict[str, tuple[str, str]]:
    """Each collection's title in the default language and in English (empty without a translation)."""
    return {
        slug: (pages[settings.LANGUAGE_CODE].title, pages["en"].title if "en" in pages else "")
        for slug, pages in collections.items()
    }


def load_names(collections: dict[str, dict[str, CollectionPage]]) -> KeyNames:
    return KeyNames(
        creators=dict(Creator.objects.values_list("pk", "key")),
        places=dict(Place.objects.values_list("pk", "key")),
        techniques=dict(Technique.objects.values_list("pk", "key")),
        materials=dict(Material.objects.values_list("pk", "key")),
        tags=dict(Tag.objects.values_list("pk", "name")),
        items=dict(ItemPage.objects.values_list("pk", "inventory_number")),
        collections={pages[settings.LANGUAGE_CODE].path: slug for slug, pages in collections.items()},
    )


def load_items(numbers: list[str], locales: dict[str, Locale], names: KeyNames) -> dict[str, ExistingItem]:
    items: dict[str, ExistingItem] = {}
    default = locales[settings.LANGUAGE_CODE]
    for start in range(0, len(numbers), CHUNK):
        originals = list(item_pages().filter(locale=default, inventory_number__in=numbers[start : start + CHUNK]))
        translations = {
            (page.translation_key, page.locale_id): page
            for page in item_pages()
            .filter(translation_key__in=[page.translation_key for page in originals])
            .exclude(locale=default)
        }
        for page in [*originals, *translations.values()]:
            hold_in_memory(page)
        for original in originals:
            pages = {settings.LANGUAGE_CODE: original}
            for code, locale in locales.items():
                if (original.translation_key, locale.pk) in translations:
                    pages[code] = translations[(original.translation_key, locale.pk)]
            bases = {code: latest_state(page) for code, page in pages.items()}
            english = [bases[code] for code in bases if code != settings.LANGUAGE_CODE]
            row = page_as_row(bases[settings.LANGUAGE_CODE], english[0] if english else None, names)
            items[original.inventory_number] = ExistingItem(pages, bases, row)
    return items


def item_pages():
    """Item pages with their relations and active workflow state (Wagtail's prefetch_workflow_states()
    matches only pages read through .specific(), so the specific relation is named here)."""
    states = Prefetch(
        "_specific_workflow_states",
        to_attr="_current_workflow_states",
        queryset=WorkflowState.objects.active().select_related("current_task_state__task"),
    )
    return ItemPage.objects.select_related("latest_revision", "locked_by").prefetch_related(*ITEM_RELATIONS, states)


def hold_in_memory(page: ItemPage) -> None:
    """Keep the prefetched relations as modelcluster's in-memory lists: a prefetched queryset per relation
    and page costs kilobytes, which ten thousand items multiply into a gigabyte."""
    for name in ITEM_RELATIONS:
        setattr(page, name, list(getattr(page, name).all()))
    page._prefetched_objects_cache = {}


def latest_state(page: ItemPage) -> ItemPage:
    """The page as its latest revision has it: the draft a curator would see in the editor."""
    revision = page.latest_revision
    if revision is None or not page.has_unpublished_changes:
        return page
    state = page.with_content_json(revision.content)
    state._current_workflow_states = getattr(page, "_current_workflow_states", [])
    return state
