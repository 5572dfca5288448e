"""Writing a checked import: each valid row's item, in every language it has, as one new revision per page.

Flow (inside one transaction, apply.py): build each page in memory from what its next revision starts
from and the row's record, with the seed loader's field setters (seed/item_fields.py) -> insert the new
pages into the tree (tree.py) -> link related items -> write the rows and relations of the pages whose
row holds their content (new pages, published pages, drafts never published; a live page's draft lives
in its revision only) -> one revision per page and its history (history.py) -> publish, or submit for
approval (moderation.py) -> what the signal handlers would have done, in bulk (aftercare.py).

Publishing at once publishes only pages that have an image: an item without one would go live with an
empty viewer and an empty IIIF manifest, so it is saved as a draft instead (and counted as such).
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings

from archive.catalogue.models import CollectionPage, ItemPage, status_after
from archive.catalogue.seed.item_fields import ItemContext, Terms, apply_record
from archive.catalogue.seed.validation import record_years

from .aftercare import after_write
from .cluster import attach_children, settle_in_memory, write_relations
from .existing import CatalogueContext, languages
from .history import History
from .moderation import Draft, Submission, cancel_workflows, submit_for_approval
from .permissions import Importer
from .plan import RowPlan
from .tree import insert_children

# Page fields a revision does not carry or that say where the page is: kept as the row has them when the
# row's content is rewritten (Wagtail's with_content_json keeps the same ones).
KEPT_FIELDS = {
    "id",
    "page_ptr",
    "path",
    "depth",
    "numchild",
    "content_type",
    "translation_key",
    "locale",
    "owner",
    "locked",
    "locked_by",
    "locked_at",
    "alias_of",
    "live_revision",
    "first_published_at",
    "last_published_at",
    "expired",
}
CONTENT_FIELDS = [field.name for field in ItemPage._meta.concrete_fields if field.name not in KEPT_FIELDS]
Progress = Callable[[int, int], None]


@dataclass
class PageWrite:
    row: RowPlan
    page: ItemPage
    parent: CollectionPage
    new: bool
    publish: bool = False


class ItemWriter:
    def __init__(
        self,
        context: CatalogueContext,
        importer: Importer,
        publish: bool,
        report: Callable[[str], None],
        progress: Progress | None = None,
    ):
        self.context, self.importer, self.publish = context, importer, publish
        self.report, self.progress = report, progress or (lambda _done, _total: None)
        self.terms = Terms().preload()
        self.history = History(importer.user)
        self.submission = Submission()
        self.indexed: list[int] = []  # pages whose search and reference index entries change
        self.held_back: set[str] = set()  # inventory numbers published without an image: saved as drafts

    def write(self, rows: list[RowPlan]) -> dict[str, int]:
        writes = []
        for done, row in enumerate(rows, start=1):
            writes += self.build(row)
            if done % 500 == 0 or done == len(rows):
                self.progress(done, len(rows))
                self.report(f"  prepared {done}/{len(rows)} rows")
        # A live page's draft lives in its revisions only; other pages' rows hold their content.
        rewritten = [write for write in writes if write.new or write.publish or not write.page.live]
        self.insert_new(writes)
        self.link_related(writes)
        self.write_contents(writes, rewritten)
        self.report(f"  wrote {len(writes)} pages; saving their revisions")
        published = self.save_revisions(writes)
        after_write([write.page for write in rewritten], published)
        self.indexed = [write.page.pk for write in rewritten]
        counts = {
            "created": sum(1 for row in rows if row.action == "create"),
            "updated": sum(1 for row in rows if row.action == "update"),
        }
        if self.held_back:
            counts["drafts_without_images"] = len(self.held_back)
        return counts

    def build(self, row: RowPlan) -> list[PageWrite]:
        parents = self.context.collections[row.collection]
        original = parents[settings.LANGUAGE_CODE]
        record = {key: value for key, value in row.record.items() if key != "related"}
        if row.existing is None and "rights" not in record:
            record["rights"] = original.default_rights
        item_context = ItemContext(
            periods=self.context.periods,
            years=record_years(record.get("date"), self.context.periods),
            is_sample=original.is_sample,
            terms=self.terms,
        )
        translation_key = uuid.uuid4()
        writes = []
        for language in languages():
            if row.existing is not None and language in row.existing.bases:
                page, new = row.existing.bases[language], False
            elif row.existing is None and language in parents:
                page, new = self.new_page(row, language, translation_key), True
            else:
                continue
            apply_record(page, record, language, item_context)
            if new:
                settle_in_memory(page)
            publish = self.publish and has_image(page)
            if self.publish and not publish:
                self.held_back.add(row.inventory_number)
            writes.append(PageWrite(row, page, parents[language], new, publish))
        return writes

    def new_page(self, row: RowPlan, language: str, translation_key: uuid.UUID) -> ItemPage:
        slug = row.inventory_number.lower().replace(".", "-").replace("_", "-")
        return ItemPage(
            slug=slug,
            locale=self.context.locales[language],
            translation_key=translation_key,
            owner=self.importer.user,
            live=False,
            has_unpublished_changes=True,
        )

    def insert_new(self, writes: list[PageWrite]) -> None:
        by_parent: dict[int, list[PageWrite]] = {}
        for write in writes:
            if write.new:
                by_parent.setdefault(write.parent.pk, []).append(write)
        for group in by_parent.values():
            insert_children(group[0].parent, [write.page for write in group])
            for write in group:
                self.context.names.items[write.page.pk] = write.row.inventory_number

    def link_related(self, writes: list[PageWrite]) -> None:
        """Related items, once every new item has an id: by inventory number, in the page's own language."""
        wanted = [write for write in writes if "related" in write.row.record]
        if not wanted:
            return
        numbers = {number for write in wanted for number in write.row.record["related"]}
        pages = {
            (locale, number): pk
            for pk, locale, number in ItemPage.objects.filter(inventory_number__in=numbers).values_list(
                "pk", "locale_id", "inventory_number"
            )
        }
        for write in wanted:
            write.page.related_items = [
                ItemPage(pk=pages[(write.page.locale_id, number)])
                for number in write.row.record["related"]
                if (write.page.locale_id, number) in pages
            ]

    def write_contents(self, writes: list[PageWrite], rewritten: list[PageWrite]) -> None:
        for write in writes:
            attach_children(write.page)
        for write in rewritten:
            write.page.work_status = status_after(write.page.life_events.all())
            if not write.new:
                write.page.url_path = f"{write.parent.url_path}{write.page.slug}/"
        write_relations([write.page for write in rewritten if write.new], replace=False)
        existing = [write.page for write in rewritten if not write.new]
        write_relations(existing, replace=True)
        if existing:
            ItemPage.objects.bulk_update(existing, CONTENT_FIELDS, batch_size=200)

    def save_revisions(self, writes: list[PageWrite]) -> list:
        pages = [write.page for write in writes]
        revisions = self.history.save_revisions(pages)
        published = [(write, revision) for write, revision in zip(writes, revisions, strict=True) if write.publish]
        drafts = [(write, revision) for write, revision in zip(writes, revisions, strict=True) if not write.publish]
        for group, publish in ((published, True), (drafts, False)):
            self.history.point_at([write.page for write, _ in group], [revision for _, revision in group], publish)
        for write, revision in zip(writes, revisions, strict=True):
            self.history.log(write.page, "wagtail.create" if write.new else "wagtail.edit", revision)
            if write.publish:
                self.history.log(write.page, "wagtail.publish", revision)
        cancel_workflows([write.page for write, _ in published if not write.new], self.importer.user)
        if not self.publish:  # drafts held back from publishing wait for their images, not for review
            self.submission = submit_for_approval(
                [Draft(write.page, revision, write.parent, write.new) for write, revision in drafts], self.history
            )
        self.history.write_log()
        return [(write.page, revision) for write, revision in published]


def has_image(page: ItemPage) -> bool:
    """Whether the page as written shows an image (its in-memory images: no query)."""
    return bool(list(page.images.all()))
