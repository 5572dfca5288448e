"""Bring the harvesting change log in line with the catalogue.

Publishing, unpublishing and deleting items log themselves. Run this after changes that bypass the
publishing workflow: the first deployment of harvesting over an existing catalogue, privacy changes on
a collection, moved items, bulk database edits.
"""

from django.core.management.base import BaseCommand
from wagtail.models import Locale

from archive.catalogue.models import ItemPage
from archive.oai import tracking
from archive.oai.models import ItemChange


class Command(BaseCommand):
    help = "Log published items missing from the OAI/IIIF change log, and withdrawn ones as deleted."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Report what would change; write nothing.")

    def handle(self, *args, dry_run: bool = False, **options):
        published = ItemPage.objects.live().public().filter(locale=Locale.get_default())
        latest = {change.inventory_number: change for change in ItemChange.objects.filter(is_latest=True)}
        counts = {"created": 0, "moved": 0, "deleted": 0}
        seen = set()
        for index, item in enumerate(published.iterator(chunk_size=500), start=1):
            seen.add(item.inventory_number)
            change = latest.get(item.inventory_number)
            if change is None or change.deleted:
                counts["created"] += 1
            elif change.set_spec != tracking.current_set_spec(item) or change.page_id != item.pk:
                counts["moved"] += 1
            else:
                continue
            if not dry_run:
                tracking.record_present(item)
            if index % 1000 == 0:
                self.stdout.write(f"{index} published items checked")
        for inventory_number, change in latest.items():
            if inventory_number not in seen and not change.deleted:
                counts["deleted"] += 1
                if not dry_run:
                    tracking.record_gone(inventory_number, change.page_id)
        prefix = "Would log" if dry_run else "Logged"
        self.stdout.write(
            self.style.SUCCESS(
                f"{prefix} {counts['created']} created, {counts['moved']} updated (moved) and "
                f"{counts['deleted']} deleted item(s)."
            )
        )
