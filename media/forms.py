"""The admin's image form: the same verification as the loader, shown as a form error."""

import tempfile
from pathlib import Path

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from media.access import get_access_policy
from media.signal_handlers import discard_pyramid
from media.storage import check_available, storage_errors
from media.verification import IngestError, VerifiedImage, verify_image

SHOWN_PUBLICLY = _(
    "Published pages show this image, so its file cannot be replaced here. Upload the new file as a new image "
    "(or through “Upload item images”) and put it in the item's draft: it takes this one's place when the draft "
    "is published."
)
STORAGE_UNAVAILABLE = _("The media storage is not reachable, so the image was not saved. Try again in a few minutes.")


class VerifiedImageField(WagtailImageField):
    """The archive's verification (media.verification, libvips) instead of Wagtail's Willow and Pillow
    checks: one policy for every way in, TIFF, JPEG 2000 and HEIF included, and the same reasons."""

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        if upload is None:
            return None
        self.check_image_file_size(upload)
        try:
            upload.verified = verify_upload(upload)
        except IngestError as error:
            raise forms.ValidationError(error.reason, code="unverified_image") from None
        return upload


class DigitizedImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Swapped in here rather than declared on the class: a declared field would survive the `exclude`
        # of Wagtail's multiple uploader, whose second step then always failed with "File: required".
        if "file" in self.fields:
            wagtail_field = self.fields["file"]
            self.fields["file"] = VerifiedImageField(
                label=wagtail_field.label, widget=wagtail_field.widget, required=wagtail_field.required
            )

    def clean(self):
        cleaned_data = super().clean()
        if "file" in self.changed_data and self.instance.pk and get_access_policy().shown_publicly(self.instance):
            self.add_error("file", SHOWN_PUBLICLY)
        elif "file" in self.changed_data and cleaned_data.get("file"):
            # Saving uploads the file; an editor is better told now than shown a server error after it.
            try:
                check_available()
            except storage_errors():
                self.add_error("file", STORAGE_UNAVAILABLE)
        return cleaned_data

    @property
    def verified(self) -> VerifiedImage | None:
        upload = self.cleaned_data.get("file")
        return getattr(upload, "verified", None) if "file" in self.changed_data else None

    def save(self, commit=True):
        previous_checksum = self.instance.checksum
        if self.verified is not None:
            self.instance.checksum = self.verified.checksum
            self.instance.width, self.instance.height = self.verified.width, self.verified.height
        image = super().save(commit=commit)
        if commit and self.verified is not None and previous_checksum != image.checksum:
            discard_pyramid(previous_checksum)
        return image


def verify_upload(upload) -> VerifiedImage:
    """Large uploads already sit in a temporary file; small ones are in memory and get written out."""
    if hasattr(upload, "temporary_file_path"):
        return verify_image(Path(upload.temporary_file_path()), name=upload.name)
    suffix = Path(upload.name or "").suffix
    with tempfile.NamedTemporaryFile(suffix=suffix) as copy:
        upload.seek(0)
        for chunk in upload.chunks():
            copy.write(chunk)
        copy.flush()
        upload.seek(0)
        return verify_image(Path(copy.name), name=upload.name)
