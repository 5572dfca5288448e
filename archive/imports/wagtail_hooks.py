"""Admin wiring: the import pages and their menu item."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views

app_urls = (
    [
        path("", views.upload, name="upload"),
        path("template.csv", views.template, name="template"),
        path("terms.csv", views.terms, name="terms"),
        path("<uuid:job_id>/confirm/", views.confirm, name="confirm"),
        path("<uuid:job_id>/", views.progress, name="progress"),
        path("<uuid:job_id>/status.json", views.status, name="status"),
        path("images/", views.images, name="images"),
        path("images/upload/", views.image_upload, name="image_upload"),
    ],
    "imports",
)


@hooks.register("register_admin_urls")
def import_urls():
    return [path("import-items/", include(app_urls))]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.PERMISSION)


@hooks.register("register_admin_menu_item")
def import_menu_item():
    return ImportMenuItem(_("Import items"), reverse("imports:upload"), icon_name="upload", order=300)


@hooks.register("register_admin_menu_item")
def image_import_menu_item():
    return ImportMenuItem(_("Upload item images"), reverse("imports:images"), icon_name="image", order=301)
