"""What an import's rows and summary are called in the admin: a row's action, and each count of a
finished import (the keys apply.apply_plan returns), in the curator's language."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

ROW_ACTIONS = {
    "create": _("new"),
    "update": _("changed"),
    "unchanged": _("unchanged"),
    "error": _("error"),
}

# Shown as "label: count", so that the label never has to agree with the number (Lithuanian has four forms).
SUMMARY = {
    "created": pgettext_lazy("import summary", "created"),
    "updated": pgettext_lazy("import summary", "updated"),
    "unchanged": pgettext_lazy("import summary", "unchanged"),
    "submitted": pgettext_lazy("import summary", "pages submitted for approval"),
    "without_workflow": pgettext_lazy("import summary", "pages without a workflow, left as drafts"),
    "drafts_without_images": pgettext_lazy("import summary", "items without an image, kept as drafts"),
}


def summary_lines(summary: dict[str, int]) -> list[tuple[int, str]]:
    """Each count with its label; a key from an older version of the import is shown as it is."""
    return [(number, str(SUMMARY.get(key, key))) for key, number in summary.items()]
