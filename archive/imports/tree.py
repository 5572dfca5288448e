"""Adding many new pages under one parent at once, in the shape Wagtail's add_child leaves them.

add_child costs a dozen queries and a full clean per page; ten thousand imported items are inserted
here instead: tree paths numbered on from the parent's last child, slugs made unique among the
siblings, url paths from the parent's, the parent's child count raised once. The planner has
validated every page (archive/imports/plan.py); nothing here sends signals (the import's aftercare,
aftercare.py, does what the signal handlers would have done, in bulk).
"""

from django.db.models import F
from wagtail.models import Page

BATCH_PARAMETERS = 30_000  # well under SQLite's limit of variables in one statement


def insert_children(parent: Page, pages: list[Page]) -> None:
    if not pages:
        return
    siblings = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
    taken = set(siblings.values_list("slug", flat=True))
    last = siblings.order_by("-path").values_list("path", flat=True).first()
    step = Page._str2int(last[-Page.steplen :]) if last else 0
    for offset, page in enumerate(pages, start=1):
        page.path = Page._get_path(parent.path, parent.depth + 1, step + offset)
        page.depth, page.numchild = parent.depth + 1, 0
        page.slug = unique_slug(page.slug, taken)
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.draft_title = page.title
    insert_rows(pages)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))


def unique_slug(slug: str, taken: set[str]) -> str:
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    taken.add(candidate)
    return candidate


def insert_rows(pages: list[Page]) -> None:
    """Insert the Page rows, then the specific model's rows (multi-table inheritance: one row in each)."""
    base_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
    rows = [Page(**{field.attname: getattr(page, field.attname) for field in base_fields}) for page in pages]
    Page.objects.bulk_create(rows)
    for page, row in zip(pages, rows, strict=True):
        page.id = page.page_ptr_id = row.pk
        page._state.adding, page._state.db = False, row._state.db
    model = type(pages[0])
    fields = model._meta.local_concrete_fields
    size = max(1, BATCH_PARAMETERS // len(fields))
    for start in range(0, len(pages), size):
        model.objects._insert(pages[start : start + size], fields=fields)
