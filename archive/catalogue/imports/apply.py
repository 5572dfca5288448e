"""Writing the rows of a checked import plan through the same writer the seed loader uses."""

from collections.abc import Callable
from pathlib import Path

from django.db import transaction
from wagtail.models import Locale

from archive.catalogue.models import CollectionPage
from archive.catalogue.seed.source import CollectionSource, SeedSource
from archive.catalogue.seed.writer import SeedWriter

from .plan import ImportPlan, RowPlan


def apply_plan(plan: ImportPlan, report: Callable[[str], None], valid_only: bool = False) -> dict[str, int]:
    """Write the plan's rows in one transaction; refuses a plan with errors unless valid_only is chosen."""
    if plan.has_errors and not valid_only:
        raise ValueError("the import has errors: fix them, or choose to import only the valid rows")
    if plan.file_problems:
        raise ValueError("the file itself has problems; no row can be imported")
    rows = plan.valid_rows
    by_collection: dict[str, list[RowPlan]] = {}
    for row in rows:
        by_collection.setdefault(row.collection, []).append(row)
    sources = [
        collection_source(slug, [row.record for row in collection_rows])
        for slug, collection_rows in by_collection.items()
    ]
    writer = SeedWriter(SeedSource(root=Path("."), collections=sources), report)
    with transaction.atomic():
        for done, row in enumerate(rows, start=1):
            source = next(source for source in sources if source.meta["slug"] == row.collection)
            outcome = writer.write_item(source.meta["page"], source, row.record)
            writer.counts[outcome] += 1
            report(f"[{done:>4}/{len(rows)}] row {row.line} {row.inventory_number}: {outcome}")
        writer.write_related_items([row.record for row in rows])
    return writer.counts


def collection_source(slug: str, records: list[dict]) -> CollectionSource:
    page = CollectionPage.objects.get(slug=slug, locale=Locale.get_default())
    meta = {"slug": slug, "default_rights": page.default_rights, "sample": page.is_sample, "page": page}
    return CollectionSource(Path("."), meta, records)
