"""Each written page's new revision and its admin history, as Wagtail's editor would leave them.

A draft: the revision becomes the page's latest, the page has unpublished changes, the live version (if
any) is untouched. Published: the revision is also the live one. The history entries of one import
share one id, so the admin shows them as one action.
"""

import uuid
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, F, OuterRef, Subquery, Value
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Revision

BATCH = 500


@dataclass
class History:
    user: object | None
    action_id: uuid.UUID = field(default_factory=uuid.uuid4)
    now: object = field(default_factory=timezone.now)
    entries: list[PageLogEntry] = field(default_factory=list)

    def save_revisions(self, pages: list[Page]) -> list[Revision]:
        base = ContentType.objects.get_for_model(Page)
        revisions = [
            Revision(
                content_type=ContentType.objects.get_for_model(page),
                base_content_type=base,
                object_id=str(page.pk),
                user=self.user,
                created_at=self.now,
                content=page.serializable_data(),
                object_str=str(page),
            )
            for page in pages
        ]
        return Revision.objects.bulk_create(revisions, batch_size=BATCH)

    def point_at(self, pages: list[Page], revisions: list[Revision], publish: bool) -> None:
        """Make each page's new revision its latest (and its live one, when publishing): one UPDATE per
        batch of pages, reading each page's newest revision in the database."""
        newest = Revision.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page), object_id=Cast(OuterRef("pk"), CharField())
        ).order_by("-created_at", "-pk")
        changes = {
            "latest_revision": Subquery(newest.values("pk")[:1]),
            "latest_revision_created_at": self.now,
            "draft_title": Subquery(newest.values("object_str")[:1]),
            "has_unpublished_changes": not publish,
        }
        if publish:
            changes.update(
                live=True,
                live_revision=Subquery(newest.values("pk")[:1]),
                expired=False,
                last_published_at=self.now,
                first_published_at=Coalesce(F("first_published_at"), Value(self.now)),
            )
        ids = [page.pk for page in pages]
        for start in range(0, len(ids), BATCH):
            Page.objects.filter(pk__in=ids[start : start + BATCH]).update(**changes)
        for page, revision in zip(pages, revisions, strict=True):
            page.latest_revision, page.latest_revision_created_at = revision, self.now
            page.draft_title, page.has_unpublished_changes = page.title, not publish
            if publish:
                page.live, page.live_revision, page.expired, page.last_published_at = True, revision, False, self.now
                page.first_published_at = page.first_published_at or self.now

    def log(self, page: Page, action: str, revision: Revision | None = None, data: dict | None = None) -> None:
        self.entries.append(
            PageLogEntry(
                content_type=ContentType.objects.get_for_model(page, for_concrete_model=False),
                label=page.get_admin_display_title(),
                action=action,
                data=data or {},
                timestamp=self.now,
                uuid=self.action_id,
                user=self.user,
                revision=revision,
                content_changed=action != "wagtail.workflow.start",
                page_id=page.pk,
            )
        )

    def write_log(self) -> None:
        PageLogEntry.objects.bulk_create(self.entries, batch_size=BATCH)
        self.entries = []
