"""The inventory number's grammar, declared once: 1 to 64 ASCII letters, digits, ".", "_" or "-", so that a
number is one URL path segment and a safe file-name stem as it is.

ItemPage.inventory_number validates with it; URL routes match it (the `inventory` path converter, or
INVENTORY_PATTERN inside a re_path); the seed loader, imports, compare and deep links check it, and a
refused number gets the same message everywhere (`refusal`).
"""

import re

from django.core.exceptions import ValidationError
from django.urls import register_converter
from django.urls.converters import get_converters
from django.utils.translation import gettext, gettext_lazy, gettext_noop

MAX_LENGTH = 64
INVENTORY_PATTERN = rf"[A-Za-z0-9._-]{{1,{MAX_LENGTH}}}"
REFUSAL = gettext_noop("“%(value)s” is not an inventory number: use 1 to %(max)s letters A–Z, digits, “.”, “_” or “-”.")
# The refusal as the seed loader words it for operators (in English), read back to translate it (imports).
REFUSAL_PATTERN = (
    re.escape(REFUSAL).replace(re.escape("%(value)s"), "(?P<value>.*)").replace(re.escape("%(max)s"), r"(?P<max>\d+)")
)

_INVENTORY_RE = re.compile(INVENTORY_PATTERN)


def is_inventory_number(value) -> bool:
    return isinstance(value, str) and _INVENTORY_RE.fullmatch(value) is not None


def refusal(value, translated: bool = True) -> str:
    """Why `value` is refused, in the active language (or, untranslated, as the seed loader reports it)."""
    return (gettext(REFUSAL) if translated else REFUSAL) % {"value": value, "max": MAX_LENGTH}


def validate_inventory_number(value) -> None:
    """The model field's validator (the admin's form shows its message)."""
    if not is_inventory_number(value):
        raise ValidationError(gettext_lazy(REFUSAL), code="invalid", params={"value": value, "max": MAX_LENGTH})


class InventoryNumberConverter:
    """`<inventory:inventory_number>` in path() routes."""

    regex = INVENTORY_PATTERN

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


def register_path_converter() -> None:
    """Called from CatalogueConfig.ready(), before any URLconf is read; a second call changes nothing."""
    if "inventory" not in get_converters():
        register_converter(InventoryNumberConverter, "inventory")
