"""Writing the rows of a checked import plan through the same writer the seed loader uses."""

from collections.abc import Callable
from pathlib import Path

from django.db import transaction
from wagtail.models import Locale

from archive.catalogue.models import CollectionPage
from archive.catalogue.seed.source import CollectionSource, SeedSource
from archive.catalogue.seed.writer import SeedWriter

from .plan import ImportPlan


def apply_plan(plan: ImportPlan, report: Callable[[str], None], valid_only: bool = False,
               progress: Callable[[int, int], None] | None = None) -> dict[str, int]:
    """Write the plan's rows, each row in its own transaction so progress can be seen and an interrupted
    import can simply be run again (rows that arrived are then 'unchanged'); refuses a plan with errors
    unless valid_only is chosen."""
    if plan.file_problems:
        raise ValueError("the file itself has problems; no row can be imported")
    if plan.has_errors and not valid_only:
        raise ValueError("the import has errors: fix them, or choose to import only the valid rows")
    rows = plan.valid_rows
    sources: dict[str, CollectionSource] = {}
    for row in rows:
        if row.collection not in sources:
            sources[row.collection] = collection_source(row.collection, [])
        sources[row.collection].items.append(row.record)
    writer = SeedWriter(SeedSource(root=Path("."), collections=list(sources.values())), report)
    for done, row in enumerate(rows, start=1):
        source = sources[row.collection]
        with transaction.atomic():
            outcome = writer.write_item(source.meta["page"], source, row.record)
        writer.counts[outcome] += 1
        report(f"[{done:>4}/{len(rows)}] row {row.line} {row.inventory_number}: {outcome}")
        if progress:
            progress(done, len(rows))
    with transaction.atomic():
        writer.write_related_items([row.record for row in rows])
    return writer.counts


def collection_source(slug: str, records: list[dict]) -> CollectionSource:
    page = CollectionPage.objects.get(slug=slug, locale=Locale.get_default())
    meta = {"slug": slug, "default_rights": page.default_rights, "sample": page.is_sample, "page": page}
    return CollectionSource(Path("."), meta, records)
