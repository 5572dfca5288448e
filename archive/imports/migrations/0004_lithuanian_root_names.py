"""The roots of the page tree and of the image collections in the language of the archive's admin: Wagtail
names both "Root" when it creates them and shows that stored name (the page chooser's top level, the
collection lists), which no translation reaches. Renamed only while they still carry Wagtail's name."""

from django.db import migrations

WAGTAILS, OURS = "Root", "Šaknis"


def rename(apps, old: str, new: str) -> None:
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title=old).update(title=new)
    Page.objects.filter(depth=1, draft_title=old).update(draft_title=new)
    apps.get_model("wagtailcore", "Collection").objects.filter(depth=1, name=old).update(name=new)


def to_lithuanian(apps, schema_editor):
    rename(apps, WAGTAILS, OURS)


def to_english(apps, schema_editor):
    rename(apps, OURS, WAGTAILS)


class Migration(migrations.Migration):
    dependencies = [
        ("imports", "0003_lithuanian_workflow_names"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]
    operations = [migrations.RunPython(to_lithuanian, to_english)]
