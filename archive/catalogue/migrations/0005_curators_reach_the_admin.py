"""Curators could not log in to the admin.

Wagtail grants admin access and image/document permissions to its default groups by name ("Editors",
"Moderators") in migrations that ran after 0003 had renamed them, so the permissions went to the new
"Editors" (approvers) and none to "Curators". Give Curators what Wagtail gives its editors: admin access,
and adding, changing and choosing images and documents in every collection.
"""

from django.db import migrations

MODEL_PERMISSIONS = (
    ("wagtailadmin", "access_admin"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)
COLLECTION_PERMISSIONS = MODEL_PERMISSIONS[1:]


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    curators = Group.objects.filter(name="Curators").first()
    if curators is None:
        return

    def permission(app_label, codename):
        return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()

    for app_label, codename in MODEL_PERMISSIONS:
        if found := permission(app_label, codename):
            curators.permissions.add(found)
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    for app_label, codename in COLLECTION_PERMISSIONS:
        if found := permission(app_label, codename):
            GroupCollectionPermission.objects.get_or_create(group=curators, collection=root, permission=found)


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0004_detail_notes"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
