"""The editorial workflow and its task in the language of the archive's admin: curators and editors see
their names on every page in moderation ("Submit to ...", the status, the history), and Wagtail shows
names as they are stored."""

from django.db import migrations

NAMES = (("Editors' approval", "Redaktorių patvirtinimas"),)


def rename(apps, pairs) -> None:
    for model in (apps.get_model("wagtailcore", "Workflow"), apps.get_model("wagtailcore", "Task")):
        for old, new in pairs:
            model.objects.filter(name=old).update(name=new)


def to_lithuanian(apps, schema_editor):
    rename(apps, NAMES)


def to_english(apps, schema_editor):
    rename(apps, [(new, old) for old, new in NAMES])


class Migration(migrations.Migration):
    dependencies = [
        ("imports", "0002_publish_and_delimiter"),
        ("catalogue", "0003_roles"),
    ]
    operations = [migrations.RunPython(to_lithuanian, to_english)]
