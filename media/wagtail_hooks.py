"""The image service's additions to the Wagtail admin: downloads of originals for editors, and the
multiple uploader's second step made safe against a double submit (registered before Wagtail's own)."""

from django.urls import path
from wagtail import hooks

from media.downloads import download_original
from media.multiple_upload import SafeCreateFromUploadedImageView


@hooks.register("register_admin_urls")
def register_original_downloads():
    return [
        path("originals/<int:image_id>/", download_original, name="media_original_download"),
        path(
            "images/multiple/create_from_uploaded_image/<int:uploaded_file_id>/",
            SafeCreateFromUploadedImageView.as_view(),
            name="media_create_from_uploaded_image",
        ),
    ]
