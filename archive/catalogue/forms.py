"""The item editor's form: checks that each note on a detail points at an image and lies inside it."""

from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm

from .regions import RegionError, parse_region


def kept_rows(formset) -> list[dict]:
    """Cleaned rows of an inline formset that will be saved, in the order the editor arranged them."""
    if formset is None or not formset.is_valid():
        return []
    rows = [form.cleaned_data for form in formset.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")]
    return sorted(rows, key=lambda row: row.get("ORDER") or 0)


class ItemPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        self.check_detail_notes()
        return cleaned_data

    def check_detail_notes(self) -> None:
        notes = self.formsets.get("detail_notes")
        if notes is None or not notes.is_valid():
            return
        images = [row["image"] for row in kept_rows(self.formsets.get("images")) if row.get("image")]
        for form in notes.forms:
            row = form.cleaned_data
            if not row or row.get("DELETE"):
                continue
            number = row["image_number"]
            if number > len(images):
                form.add_error(
                    "image_number",
                    _("The item has %(count)s image(s); there is no image %(number)s.")
                    % {"count": len(images), "number": number},
                )
                continue
            image = images[number - 1]
            try:
                parse_region(row["region"], image.width, image.height)
            except RegionError as error:
                form.add_error("region", str(error))
