"""The fixed list of rights statements an item may carry (RightsStatements.org and Creative Commons)."""

from django.utils.translation import gettext_lazy as _

RIGHTS_CHOICES = [
    ("http://rightsstatements.org/vocab/InC/1.0/", _("In Copyright")),
    ("http://rightsstatements.org/vocab/InC-EDU/1.0/", _("In Copyright - Educational Use Permitted")),
    ("http://rightsstatements.org/vocab/InC-NC/1.0/", _("In Copyright - Non-Commercial Use Permitted")),
    ("http://rightsstatements.org/vocab/InC-OW-EU/1.0/", _("In Copyright - EU Orphan Work")),
    ("http://rightsstatements.org/vocab/CNE/1.0/", _("Copyright Not Evaluated")),
    ("http://rightsstatements.org/vocab/UND/1.0/", _("Copyright Undetermined")),
    ("http://rightsstatements.org/vocab/NoC-NC/1.0/", _("No Copyright - Non-Commercial Use Only")),
    ("http://rightsstatements.org/vocab/NoC-OKLR/1.0/", _("No Copyright - Other Known Legal Restrictions")),
    ("http://creativecommons.org/publicdomain/mark/1.0/", _("Public Domain Mark")),
    ("http://creativecommons.org/publicdomain/zero/1.0/", _("CC0 1.0")),
    ("http://creativecommons.org/licenses/by/4.0/", _("CC BY 4.0")),
    ("http://creativecommons.org/licenses/by-sa/4.0/", _("CC BY-SA 4.0")),
    ("http://creativecommons.org/licenses/by-nc/4.0/", _("CC BY-NC 4.0")),
    ("http://creativecommons.org/licenses/by-nc-sa/4.0/", _("CC BY-NC-SA 4.0")),
    ("http://creativecommons.org/licenses/by-nd/4.0/", _("CC BY-ND 4.0")),
    ("http://creativecommons.org/licenses/by-nc-nd/4.0/", _("CC BY-NC-ND 4.0")),
]
RIGHTS_URIS = frozenset(uri for uri, _label in RIGHTS_CHOICES)


def rights_label(uri: str) -> str:
    return str(dict(RIGHTS_CHOICES).get(uri, uri))
