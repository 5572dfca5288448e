"""Writing a checked import plan: all of its valid rows in one transaction, or none of them.

A file with errors writes nothing unless only the valid rows are asked for; an error while writing, or
a stopped process, rolls everything back, so no half-written item is ever left. Publishing at once
needs publish permission on every collection the file touches; otherwise the rows become drafts
submitted for approval (write.py says how the rows are written).
"""

import time
from collections.abc import Callable

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from archive.catalogue.models import CollectionPage

from .aftercare import index_imported_pages
from .notifications import notify_reviewers
from .plan import ImportPlan
from .write import ItemWriter, Progress


class ImportRefused(ValueError):
    """The plan cannot be written as asked (errors in the file, or no permission to publish)."""


def apply_plan(
    plan: ImportPlan,
    report: Callable[[str], None],
    valid_only: bool = False,
    publish: bool = False,
    progress: Progress | None = None,
) -> dict[str, int]:
    refuse_unless_writable(plan, valid_only, publish)
    rows = plan.valid_rows
    started = time.monotonic()
    with transaction.atomic():
        parents = [page for slug in plan.collections() for page in plan.context.collections[slug].values()]
        list(CollectionPage.objects.select_for_update().filter(pk__in=[page.pk for page in parents]))
        # First of the commit hooks, so the time it reports is the import's own.
        transaction.on_commit(lambda: report(f"  committed {len(rows)} rows in {time.monotonic() - started:.1f} s"))
        writer = ItemWriter(plan.context, plan.importer, publish, report, progress)
        counts = writer.write(rows)
        indexed, submission = writer.indexed, writer.submission
        transaction.on_commit(lambda: index_imported_pages.enqueue(indexed))
        if submission.submitted:
            transaction.on_commit(lambda: notify_reviewers(submission, plan.importer, plan.filename))
    counts["unchanged"] = plan.counts()["unchanged"]
    counts["submitted"] = writer.submission.submitted
    if writer.submission.without_workflow:
        counts["without_workflow"] = writer.submission.without_workflow
    return counts


def refuse_unless_writable(plan: ImportPlan, valid_only: bool, publish: bool) -> None:
    if plan.file_problems:
        raise ImportRefused(_("the file itself has problems; no row can be imported"))
    if plan.has_errors and not valid_only:
        raise ImportRefused(_("the import has errors: fix them, or choose to import only the valid rows"))
    if publish:
        for slug in plan.collections():
            collection = plan.context.collections[slug][settings.LANGUAGE_CODE]
            if not plan.importer.may_publish_in(collection):
                raise ImportRefused(
                    _(
                        "%(user)s may not publish in the collection '%(collection)s': import without "
                        "publishing, and the items are submitted for approval"
                    )
                    % {"user": plan.importer.name, "collection": slug}
                )


def may_publish_all(plan: ImportPlan) -> bool:
    """Whether the importer may publish every item the plan writes (the admin offers "Publish at once")."""
    slugs = plan.collections()
    return bool(slugs) and all(
        plan.importer.may_publish_in(plan.context.collections[slug][settings.LANGUAGE_CODE]) for slug in slugs
    )
