"""Admin wiring: the date preview endpoint and the script that shows it under the date text field."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks

from . import admin_views


@hooks.register("register_admin_urls")
def date_preview_urls():
    return [path("dating/preview/", admin_views.preview, name="dating_preview")]


@hooks.register("insert_editor_js")
def date_preview_script():
    return format_html(
        '<script src="{}" data-preview-url="{}" defer></script>',
        static("dating/date-preview.js"),
        reverse("dating_preview"),
    )
