"""What an import's rows and summary are called in the admin: a row's action, and each count of a
finished import (the keys apply.apply_plan returns), in the curator's language."""

from django.utils.translation import gettext_lazy as _

ROW_ACTIONS = {
    "create": _("new"),
    "update": _("changed"),
    "unchanged": _("unchanged"),
    "error": _("error"),
}

SUMMARY = {
    "created": _("created"),
    "updated": _("updated"),
    "unchanged": _("unchanged"),
    "submitted": _("pages submitted for approval"),
    "without_workflow": _("pages without a workflow, left as drafts"),
    "drafts_without_images": _("items without an image, saved as drafts instead of published"),
}


def summary_lines(summary: dict[str, int]) -> list[tuple[int, str]]:
    """Each count with its label; a key from an older version of the import is shown as it is."""
    return [(number, str(SUMMARY.get(key, key))) for key, number in summary.items()]
