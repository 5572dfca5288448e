"""The named periods of Klaipėda's history that curators' dates use; editors can change them in the admin."""

from django.db import migrations

PERIODS = [
    ("Pirmasis pasaulinis karas", "First World War", 1914, 1918,
     "Pirmojo pasaulinio karo metais\nworld war i\nwwi\nthe first world war\nthe great war"),
    ("tarpukaris", "interwar period", 1918, 1939,
     "tarpukariu\ntarpukario laikotarpis\ntarpukario metais\ninterwar\nthe interwar period\nbetween the wars"),
    ("Klaipėdos krašto autonomija", "Klaipėda Region autonomy", 1923, 1939,
     "Klaipėdos krašto autonomijos laikotarpis\nautonomijos laikotarpis\nthe autonomy period"),
    ("Antrasis pasaulinis karas", "Second World War", 1939, 1945,
     "Antrojo pasaulinio karo metais\nworld war ii\nwwii\nthe second world war"),
    ("sovietmetis", "Soviet period", 1945, 1990,
     "sovietmečiu\nsovietinis laikotarpis\nsovietiniais metais\nsovietmečio laikotarpis\nsoviet era\n"
     "the soviet period\nsoviet times"),
]


def seed(apps, schema_editor):
    NamedPeriod = apps.get_model("dating", "NamedPeriod")
    for name, name_en, earliest, latest, aliases in PERIODS:
        NamedPeriod.objects.get_or_create(
            name=name, defaults={"name_en": name_en, "earliest": earliest, "latest": latest, "aliases": aliases}
        )


class Migration(migrations.Migration):
    dependencies = [("dating", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
