"""Snippets that items point to, each edited once and reused: creators, places, techniques, materials."""

import re

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index
from wagtail.snippets.models import register_snippet


class BilingualLabelMixin(models.Model):
    """A term with a Lithuanian label and an English one; `label` follows the active language."""

    name = models.CharField(_("name (Lithuanian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        if (get_language() or "lt").startswith("en") and self.name_en:
            return self.name_en
        return self.name


@register_snippet
class Creator(index.Indexed, BilingualLabelMixin):
    class Kind(models.TextChoices):
        PERSON = "person", _("person")
        WORKSHOP = "workshop", _("workshop or firm")
        UNKNOWN = "unknown", _("unknown maker")

    key = models.SlugField(_("key"), max_length=100, unique=True, help_text=_("Stable key used by imports."))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PERSON)
    life_dates = models.CharField(_("life or activity dates"), max_length=100, blank=True)
    note = models.TextField(_("note"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("key"),
        FieldPanel("kind"),
        FieldPanel("life_dates"),
        FieldPanel("note"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("name_en"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("creator")
        verbose_name_plural = _("creators")


@register_snippet
class Place(index.Indexed, ClusterableModel, BilingualLabelMixin):
    class Status(models.TextChoices):
        EXISTING = "existing", _("existing")
        ALTERED = "altered", _("altered")
        LOST = "lost", _("lost")

    key = models.SlugField(_("key"), max_length=100, unique=True, help_text=_("Stable key used by imports."))
    address = models.CharField(_("address"), max_length=300, blank=True)
    building = models.CharField(_("building"), max_length=300, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.EXISTING)

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("key"),
        FieldPanel("address"),
        FieldPanel("building"),
        MultiFieldPanel([FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])], heading=_("Coordinates")),
        FieldPanel("status"),
        InlinePanel("historic_names", label=_("Names in other eras")),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("name_en"),
        index.SearchField("address"),
        index.SearchField("building"),
        index.RelatedFields("historic_names", [index.SearchField("name")]),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("place")
        verbose_name_plural = _("places")

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def town(self) -> str:
        """The town the address ends with ("Teatro g. 2, Klaipėda", "..., LT-92138 Klaipėda"); "" when the
        address is a street alone ("Turgaus g. 1"): a citation's city is never a street."""
        parts = [part.strip() for part in self.address.split(",")]
        town = re.sub(r"^(?:[A-Z]{2}-)?\d+\s+", "", parts[-1]) if len(parts) > 1 else ""
        return "" if any(char.isdigit() for char in town) else town

    def name_in(self, earliest: int | None, latest: int | None) -> "PlaceName | None":
        """The historic name in use during a year range (the one covering most of it), if it differs from today's."""
        if earliest is None or latest is None:
            return None
        best, best_overlap = None, 0
        for historic in self.historic_names.all():
            start = historic.from_year if historic.from_year is not None else earliest
            end = historic.to_year if historic.to_year is not None else latest
            overlap = min(end, latest) - max(start, earliest) + 1
            if overlap > best_overlap and historic.name != self.name:
                best, best_overlap = historic, overlap
        return best


class PlaceName(Orderable):
    """A name the place carried in an era: a street's German, Soviet-era or earlier Lithuanian name."""

    class Language(models.TextChoices):
        LITHUANIAN = "lt", _("Lithuanian")
        GERMAN = "de", _("German")
        RUSSIAN = "ru", _("Russian")
        ENGLISH = "en", _("English")

    place = ParentalKey(Place, on_delete=models.CASCADE, related_name="historic_names")
    name = models.CharField(_("name"), max_length=200)
    language = models.CharField(_("language"), max_length=5, choices=Language.choices)
    from_year = models.SmallIntegerField(_("from year"), null=True, blank=True)
    to_year = models.SmallIntegerField(_("to year"), null=True, blank=True)
    era = models.CharField(_("era"), max_length=100, blank=True, help_text=_('e.g. "Memel", "sovietmetis"'))

    panels = [
        FieldPanel("name"),
        FieldPanel("language"),
        FieldRowPanel([FieldPanel("from_year"), FieldPanel("to_year")]),
        FieldPanel("era"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("historic name")

    @property
    def years(self) -> str:
        return f"{self.from_year or '…'}–{self.to_year or '…'}"

    def __str__(self) -> str:
        return f"{self.name} ({self.years})"


class VocabularyTerm(BilingualLabelMixin):
    key = models.SlugField(_("key"), max_length=100, unique=True, help_text=_("Stable key used by imports."))

    panels = [FieldPanel("name"), FieldPanel("name_en"), FieldPanel("key")]

    class Meta:
        abstract = True
        ordering = ["name"]


@register_snippet
class Technique(VocabularyTerm):
    class Meta(VocabularyTerm.Meta):
        verbose_name = _("technique")
        verbose_name_plural = _("techniques")


@register_snippet
class Material(VocabularyTerm):
    class Meta(VocabularyTerm.Meta):
        verbose_name = _("material")
        verbose_name_plural = _("materials")


@register_snippet
class SubjectName(models.Model):
    """A subject's English name. Subjects are free words (taggit tags on items, as curators and imports type
    them, in Lithuanian); English pages, facets, citations and search use this name, or the Lithuanian one."""

    tag = models.OneToOneField(
        "taggit.Tag", on_delete=models.CASCADE, related_name="english", verbose_name=_("subject")
    )
    name_en = models.CharField(_("name (English)"), max_length=100)

    panels = [FieldPanel("tag"), FieldPanel("name_en")]

    class Meta:
        ordering = ["tag__name"]
        verbose_name = _("subject in English")
        verbose_name_plural = _("subjects in English")

    def __str__(self) -> str:
        return f"{self.tag.name} → {self.name_en}"


def subject_label(tag, language: str | None = None) -> str:
    """The tag's name in the language (the active one by default): English falls back to Lithuanian."""
    if (language or get_language() or "lt").startswith("en"):
        english = getattr(tag, "english", None)  # the reverse one-to-one raises AttributeError when none
        if english is not None and english.name_en:
            return english.name_en
    return tag.name


def subject_names(tags) -> list[str]:
    """Both names of each subject, for search (a visitor finds it by either); one query for them all."""
    tags = list(tags)
    english = dict(
        SubjectName.objects.filter(tag_id__in=[tag.pk for tag in tags if tag.pk]).values_list("tag_id", "name_en")
    )
    return [name for tag in tags for name in (tag.name, english.get(tag.pk)) if name]


def subject_labels(slugs, language: str) -> dict[str, str]:
    """Labels of the subjects with these slugs, in one query."""
    from taggit.models import Tag

    tags = Tag.objects.filter(slug__in=slugs).select_related("english")
    return {tag.slug: subject_label(tag, language) for tag in tags}
