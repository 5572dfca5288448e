"""The archive's roles on top of Wagtail's default groups and workflow.

curator (Wagtail's "Editors" group): edits and submits for review, imports items;
editor (Wagtail's "Moderators" group): approves and publishes; admin: superusers.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

RENAMES = (("Editors", "Curators"), ("Moderators", "Editors"))


def set_up_roles(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Workflow = apps.get_model("wagtailcore.Workflow")
    Task = apps.get_model("wagtailcore.Task")
    if Group.objects.filter(name="Curators").exists():
        return
    for old, new in RENAMES:
        Group.objects.filter(name=old).update(name=new)
    Workflow.objects.filter(name="Moderators approval").update(name="Editors' approval")
    Task.objects.filter(name="Moderators approval").update(name="Editors' approval")
    imports = apps.get_app_config("imports")
    imports.models_module = True
    create_permissions(imports, apps=apps, verbosity=0)
    imports.models_module = None
    can_import = Permission.objects.get(codename="add_importjob", content_type__app_label="imports")
    for group in Group.objects.filter(name__in=["Curators", "Editors"]):
        group.permissions.add(can_import)


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0002_itempage_work_status_alter_itempage_date_text_and_more"),
        ("imports", "0001_initial"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]
    operations = [migrations.RunPython(set_up_roles, migrations.RunPython.noop)]
