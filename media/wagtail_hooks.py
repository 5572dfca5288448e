"""The image service's additions to the Wagtail admin: downloads of originals for editors."""

from django.urls import path
from wagtail import hooks

from media.downloads import download_original


@hooks.register("register_admin_urls")
def register_original_downloads():
    return [path("originals/<int:image_id>/", download_original, name="media_original_download")]
