"""What the signal handlers of Wagtail and of the archive do when a page is saved or published, done once
for all the pages an import wrote (the bulk writer sends no per-row signals):

- in the import's transaction: the catalogue search's outbox (search/indexing.py, synced once after the
  commit) and `page_published` for each page published, which OAI-PMH's change log and the image
  service's memo of public images listen to;
- after the commit, as one background task (index_imported_pages), where Wagtail's own handlers
  would queue one task per save: Wagtail's search index (the admin's search and the database search
  backend) and its reference index (the "usage" of places, creators and images).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django_tasks import task
from modelsearch import index as search_index
from wagtail.models import Locale, Page, ReferenceIndex, Revision
from wagtail.search.backends import get_search_backends
from wagtail.signals import page_published

from archive.catalogue.models import ItemPage
from search.indexing import record_changes

from .existing import ITEM_RELATIONS

BATCH = 500


def after_write(written: list[Page], published: list[tuple[Page, Revision]]) -> None:
    """`written`: pages whose rows changed (new pages, pages published); `published`: with their revision."""
    if written:
        record_changes(page.pk for page in written)
    for page, revision in announced(published):
        page_published.send(sender=type(page), instance=page, revision=revision)


def announced(published: list[tuple[Page, Revision]]) -> list[tuple[Page, Revision]]:
    """The publications to announce: every original, and a translation only when its original was not
    published with it. Its receivers treat a translation's publication as a change of the original (OAI-PMH
    logs the original's record, the image service forgets every answer it remembers), which the original's
    own announcement in the same transaction already is; this halves the work of publishing an import."""
    default = Locale.get_default().pk
    originals = {page.translation_key for page, _revision in published if page.locale_id == default}
    return [
        (page, revision)
        for page, revision in published
        if page.locale_id == default or page.translation_key not in originals
    ]


@task()
def index_imported_pages(page_ids: list[int]) -> None:
    """Run once an import has committed, where Wagtail's signal handlers would queue a task per save."""
    update_indexes(page_ids)


def update_indexes(ids: list[int]) -> None:
    """Wagtail's search and reference indexes for these item pages, read in batches with their relations."""
    related = related_paths(ItemPage.get_search_fields())
    for start in range(0, len(ids), BATCH):
        pages = list(
            ItemPage.get_indexed_objects()
            .filter(pk__in=ids[start : start + BATCH])
            .prefetch_related(*related, *ITEM_RELATIONS)
        )
        with transaction.atomic():  # one commit per batch, not one per statement
            for backend in get_search_backends(with_auto_update=True):
                backend.get_index_for_model(ItemPage).add_items(ItemPage, pages)
            update_references(pages)


def update_references(pages: list[ItemPage]) -> None:
    """Wagtail's reference index. A page never indexed gets the rows create_or_update_for_object would
    insert for it, from Wagtail's own extraction, in one insert for the batch (a third of the index's
    time); a page indexed before goes through create_or_update_for_object, which also removes rows."""
    extract = getattr(ReferenceIndex, "_extract_references_from_object", None)
    base = ContentType.objects.get_for_model(Page)
    indexed = set(
        ReferenceIndex.objects.filter(
            base_content_type=base, object_id__in=[str(page.pk) for page in pages]
        ).values_list("object_id", flat=True)
    )
    rows = []
    for page in pages:
        if extract is None or str(page.pk) in indexed:
            ReferenceIndex.create_or_update_for_object(page)
            continue
        content_type = ContentType.objects.get_for_model(page)
        rows += [
            ReferenceIndex(
                content_type=content_type,
                base_content_type=base,
                object_id=page.pk,
                to_content_type_id=to_type,
                to_object_id=to_id,
                model_path=model_path,
                content_path=path,
                content_path_hash=ReferenceIndex._get_content_path_hash(path),
            )
            for to_type, to_id, model_path, path in set(extract(page))
        ]
    ReferenceIndex.objects.bulk_create(rows, batch_size=BATCH, ignore_conflicts=True)


def related_paths(fields, prefix: str = "") -> list[str]:
    """The relations a model's search fields read, as prefetch_related paths ("place__historic_names")."""
    paths = []
    for field in fields:
        if isinstance(field, search_index.RelatedFields):
            path = f"{prefix}{field.field_name}"
            paths.append(path)
            paths += related_paths(field.fields, f"{path}__")
    return paths
