"""The outbox of index changes: pages edited since the search index last took them in."""

from django.db import models


class IndexChange(models.Model):
    """One row per page whose indexed form may be stale; kept after syncing so a rebuild can replay it.

    Written in the same transaction as the edit, so an edit made while Elasticsearch is down is not
    lost: the next sync, or the next rebuild, brings it in.
    """

    page_id = models.PositiveBigIntegerField(unique=True)
    changed_at = models.DateTimeField(db_index=True)
    synced = models.BooleanField(default=False, db_index=True)

    class Meta:
        verbose_name = "search index change"

    def __str__(self) -> str:
        return f"page {self.page_id} changed {self.changed_at:%Y-%m-%d %H:%M:%S}"
