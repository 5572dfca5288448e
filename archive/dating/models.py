"""Named periods of the region ("tarpukaris", "sovietmetis"): the one editable table the date parser reads."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.snippets.models import register_snippet

from .parser import normalise


@register_snippet
class NamedPeriod(models.Model):
    name = models.CharField(_("name (Lithuanian)"), max_length=100, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    aliases = models.TextField(
        _("other ways of writing it"),
        blank=True,
        help_text=_("One per line, in any language and grammatical case, e.g. 'tarpukariu', 'interwar period'."),
    )
    earliest = models.SmallIntegerField(_("first year"))
    latest = models.SmallIntegerField(_("last year"))

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("aliases"),
        FieldRowPanel([FieldPanel("earliest"), FieldPanel("latest")]),
    ]

    class Meta:
        ordering = ["earliest", "name"]
        verbose_name = _("named period")
        verbose_name_plural = _("named periods")

    def __str__(self) -> str:
        return f"{self.name} ({self.earliest}–{self.latest})"

    def clean(self):
        if self.earliest is not None and self.latest is not None and self.earliest > self.latest:
            raise ValidationError({"latest": _("The last year cannot be before the first year.")})

    def phrases(self) -> list[str]:
        lines = [self.name, self.name_en, *self.aliases.splitlines()]
        return [normalise(line) for line in lines if line.strip()]


def known_periods() -> dict[str, tuple[int, int]]:
    return {
        phrase: (period.earliest, period.latest) for period in NamedPeriod.objects.all() for phrase in period.phrases()
    }
