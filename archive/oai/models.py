"""The persistent change log of items: what aggregators harvest from (OAI-PMH) and follow (IIIF).

One row per create, update or delete of a published item, never edited afterwards except for the
`is_latest` flag, so that Change Discovery pages stay stable and OAI-PMH can report deleted records
for as long as the repository exists (deletedRecord "persistent").
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ItemChange(models.Model):
    class Action(models.TextChoices):
        CREATE = "create", _("created")
        UPDATE = "update", _("updated")
        DELETE = "delete", _("deleted")

    inventory_number = models.CharField(_("inventory number"), max_length=64, db_index=True)
    # Not a foreign key: the log must outlive the page it describes.
    page_id = models.IntegerField(_("page id"), null=True, db_index=True)
    set_spec = models.CharField(
        _("OAI set"),
        max_length=255,
        blank=True,
        help_text=_("The collection the item was in when this change happened."),
    )
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    timestamp = models.DateTimeField(_("time"), db_index=True)
    is_latest = models.BooleanField(_("latest change of this item"), default=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("item change")
        verbose_name_plural = _("item changes")
        constraints = [
            models.UniqueConstraint(
                fields=["inventory_number"], condition=models.Q(is_latest=True), name="oai_one_latest_change_per_item"
            ),
        ]
        indexes = [models.Index(fields=["is_latest", "timestamp"], name="oai_latest_by_time")]

    def __str__(self) -> str:
        return f"{self.action} {self.inventory_number} at {self.timestamp:%Y-%m-%dT%H:%M:%SZ}"

    @property
    def deleted(self) -> bool:
        return self.action == self.Action.DELETE
