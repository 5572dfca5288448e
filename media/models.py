"""The digitized image record: Wagtail's image plus what a heritage archive needs to know of a scan."""

import uuid

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image, WagtailImageField, get_upload_to

from media.image_files import OriginalFieldFile, rendition_source


def new_iiif_identifier() -> str:
    return str(uuid.uuid4())


# Unreserved URI characters plus "+" and ":": no slash, so an identifier is always one path segment.
IIIF_IDENTIFIER_PATTERN = r"^(?!\.\.?$)[A-Za-z0-9._~+:-]{1,200}$"
validate_iiif_identifier = RegexValidator(
    IIIF_IDENTIFIER_PATTERN,
    _("Use only letters, digits and . _ ~ + : - (no slashes or spaces)."),
)


class PyramidStatus(models.TextChoices):
    PENDING = "pending", _("pending")
    READY = "ready", _("ready")
    FAILED = "failed", _("failed")


class OriginalImageField(WagtailImageField):
    """Wagtail's file field, sized by libvips (media.image_files)."""

    attr_class = OriginalFieldFile


class DigitizedImage(AbstractImage):
    file = OriginalImageField(
        verbose_name=_("file"), upload_to=get_upload_to, width_field="width", height_field="height"
    )
    iiif_identifier = models.CharField(
        _("IIIF identifier"),
        max_length=200,
        unique=True,
        default=new_iiif_identifier,
        validators=[validate_iiif_identifier],
        help_text=_("Identifier of this image in the IIIF Image API URLs. Never change it once published."),
    )
    checksum = models.CharField(_("SHA-256 checksum"), max_length=64, blank=True, editable=False, db_index=True)
    capture_notes = models.TextField(
        _("capture notes"), blank=True, help_text=_("Camera, lighting, scanner, operator, date of capture.")
    )
    is_public = models.BooleanField(
        _("public on its own"),
        default=False,
        help_text=_("Serve this image to everyone even when no published page uses it."),
    )

    pyramid_status = models.CharField(
        _("zoom tiles"),
        max_length=10,
        choices=PyramidStatus.choices,
        default=PyramidStatus.PENDING,
        editable=False,
    )
    pyramid_error = models.TextField(_("why the zoom tiles failed"), blank=True, editable=False)
    # The checksum the status above is about: a new original makes the status stale at once.
    pyramid_checksum = models.CharField(max_length=64, blank=True, editable=False)

    admin_form_fields = Image.admin_form_fields + ("iiif_identifier", "capture_notes", "is_public")

    class Meta(AbstractImage.Meta):
        verbose_name = _("digitized image")
        verbose_name_plural = _("digitized images")

    @property
    def pixel_count(self) -> int:
        return (self.width or 0) * (self.height or 0)

    def get_willow_image(self):
        """Renditions start from a picture Pillow can read, whatever the original's format."""
        return rendition_source(self)


class DigitizedRendition(AbstractRendition):
    image = models.ForeignKey(DigitizedImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
