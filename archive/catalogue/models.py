"""Wagtail pages of the catalogue: the home page, one page per collection and one per heritage object."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from archive.core.pages import PublicOriginPage
from archive.dating.lookup import DateParseError, parse
from archive.vocabularies.models import subject_label, subject_names
from archive.vocabularies.rights import RIGHTS_CHOICES, rights_label

from .fields import SEARCH, fields_for
from .forms import ItemPageForm
from .identifiers import MAX_LENGTH as INVENTORY_MAX_LENGTH
from .identifiers import validate_inventory_number
from .panels import EuropeanaReadinessPanel
from .region_picker import FROM_FORM_IMAGES, RegionPickerWidget
from .regions import RegionError, parse_region

IMAGE_MODEL = "media.DigitizedImage"


class HomePage(PublicOriginPage, Page):
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["catalogue.CollectionPage", "exhibitions.ExhibitionPage"]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["collections"] = CollectionPage.objects.child_of(self).live().public().select_related("hero_image")
        context["exhibitions"] = (
            Page.objects.child_of(self)
            .live()
            .public()
            .exclude(content_type=ContentType.objects.get_for_model(CollectionPage))
            .specific()
        )
        from .home import ways_in  # the home module reads the search, which reads these models

        context.update(ways_in())
        return context


class CollectionPage(PublicOriginPage, Page):
    SORTS = {
        "title": ("title",),
        "-title": ("-title",),
        "date": ("year_earliest", "title"),
        "-date": ("-year_latest", "title"),
        "inventory": ("inventory_number",),
    }
    ITEMS_PER_PAGE = 24

    intro = RichTextField(_("introduction"), blank=True)
    curator_note = RichTextField(_("curator's note"), blank=True)
    hero_image = models.ForeignKey(
        IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
    )
    default_rights = models.CharField(
        _("default rights"),
        max_length=200,
        choices=RIGHTS_CHOICES,
        blank=True,
        help_text=_("Given to new items of this collection unless they say otherwise."),
    )
    is_sample = models.BooleanField(_("sample data"), default=False)
    seed_fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("curator_note"),
        FieldPanel("hero_image"),
        FieldPanel("default_rights"),
        FieldPanel("is_sample"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["catalogue.HomePage"]
    subpage_types = ["catalogue.ItemPage"]

    class Meta:
        verbose_name = _("collection")
        verbose_name_plural = _("collections")

    def items(self):
        return ItemPage.objects.child_of(self).live().public()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sort = request.GET.get("sort", "title")
        if sort not in self.SORTS:
            sort = "title"
        items = self.items().order_by(*self.SORTS[sort]).select_related("locale").prefetch_related("images__image")
        page = Paginator(items, self.ITEMS_PER_PAGE).get_page(request.GET.get("page"))
        context.update(items_page=page, sort=sort, sort_choices=sort_choices())
        return context


def sort_choices() -> list[tuple[str, str]]:
    return [
        ("title", _("Title A-Z")),
        ("-title", _("Title Z-A")),
        ("date", _("Oldest first")),
        ("-date", _("Newest first")),
        ("inventory", _("Inventory number")),
    ]


def years_from_text(date_text: str) -> tuple[int | None, int | None]:
    """The parsed years of a date text; text the parser does not know is a form error on that field."""
    try:
        parsed = parse(date_text)
    except DateParseError as error:
        raise ValidationError({"date_text": str(error)}) from error
    return parsed.earliest, parsed.latest


class WorkStatus(models.TextChoices):
    SURVIVES = "survives", _("survives")
    ALTERED = "altered", _("altered")
    HIDDEN = "hidden", _("painted over or hidden")
    MOVED = "moved", _("moved")
    LOST = "lost", _("lost")


class ItemTag(TaggedItemBase):
    content_object = ParentalKey("catalogue.ItemPage", on_delete=models.CASCADE, related_name="tagged_items")


class ItemPage(PublicOriginPage, Page):
    inventory_number = models.CharField(
        _("inventory number"),
        max_length=INVENTORY_MAX_LENGTH,
        db_index=True,
        validators=[validate_inventory_number],
        help_text=_("The library's accession number. It forms the item's permanent URL."),
    )
    date_text = models.CharField(
        _("date as written"),
        max_length=200,
        blank=True,
        help_text=_(
            'As the source gives it, e.g. "apie 1935 m." or "XX a. 4-asis dešimtmetis". Leave the years '
            "empty to have them read from this text."
        ),
    )
    year_earliest = models.SmallIntegerField(_("earliest year"), null=True, blank=True)
    year_latest = models.SmallIntegerField(_("latest year"), null=True, blank=True)
    place = models.ForeignKey(
        "vocabularies.Place",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="items",
        verbose_name=_("place"),
    )
    techniques = ParentalManyToManyField("vocabularies.Technique", blank=True, verbose_name=_("techniques"))
    materials = ParentalManyToManyField("vocabularies.Material", blank=True, verbose_name=_("materials"))
    dimensions = models.CharField(_("dimensions"), max_length=200, blank=True)
    description = RichTextField(_("description"), blank=True)
    inscriptions = models.TextField(_("inscriptions"), blank=True)
    provenance = models.TextField(_("provenance"), blank=True)
    condition = models.TextField(_("condition"), blank=True)
    subjects = ClusterTaggableManager(through=ItemTag, blank=True, verbose_name=_("subjects"))
    rights = models.CharField(_("rights"), max_length=200, choices=RIGHTS_CHOICES)
    credit_line = models.CharField(_("credit line"), max_length=300, blank=True)
    related_items = ParentalManyToManyField("self", blank=True, symmetrical=False, verbose_name=_("related items"))
    work_status = models.CharField(
        _("current state of the work"),
        max_length=20,
        choices=WorkStatus.choices,
        blank=True,
        editable=False,
        help_text=_("Follows the latest event in the life of the work."),
    )
    is_sample = models.BooleanField(_("sample data"), default=False)
    # What the seed loader last wrote; an unchanged seed record leaves the page (and editors' work) alone.
    seed_fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    content_panels = Page.content_panels + [
        FieldPanel("inventory_number"),
        InlinePanel("alternative_titles", label=_("Alternative titles")),
        InlinePanel("creators", label=_("Creators")),
        MultiFieldPanel(
            [FieldPanel("date_text"), FieldRowPanel([FieldPanel("year_earliest"), FieldPanel("year_latest")])],
            heading=_("Date"),
        ),
        FieldPanel("place"),
        FieldPanel("techniques"),
        FieldPanel("materials"),
        FieldPanel("dimensions"),
        FieldPanel("description"),
        FieldPanel("inscriptions"),
        FieldPanel("provenance"),
        FieldPanel("condition"),
        FieldPanel("subjects"),
        MultiFieldPanel([FieldPanel("rights"), FieldPanel("credit_line")], heading=_("Rights")),
        InlinePanel("images", label=_("Digitized images")),
        InlinePanel("detail_notes", label=_("Notes on details")),
        InlinePanel("life_events", label=_("Life of the work")),
        FieldPanel("related_items"),
        FieldPanel("is_sample"),
        EuropeanaReadinessPanel(heading=_("Europeana readiness")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("inventory_number", boost=5),
        index.AutocompleteField("inventory_number"),
        index.SearchField("date_text"),
        *(index.SearchField(item_field.name) for item_field in fields_for(SEARCH)),
        index.RelatedFields("alternative_titles", [index.SearchField("text", boost=2)]),
        index.RelatedFields(
            "place",
            [
                index.SearchField("name"),
                index.SearchField("name_en"),
                index.RelatedFields("historic_names", [index.SearchField("name")]),
            ],
        ),
        index.RelatedFields("subjects", [index.SearchField("name")]),
        index.FilterField("year_earliest"),
        index.FilterField("year_latest"),
        index.SearchField("search_stems"),
    ]
    parent_page_types = ["catalogue.CollectionPage"]
    subpage_types = []
    base_form_class = ItemPageForm

    class Meta:
        verbose_name = _("item")
        verbose_name_plural = _("items")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(year_earliest__isnull=True)
                | models.Q(year_latest__isnull=True)
                | models.Q(year_earliest__lte=models.F("year_latest")),
                name="item_year_range_ordered",
            ),
        ]

    def clean(self):
        super().clean()
        self.fill_years_from_date_text()
        if (self.year_earliest is None) != (self.year_latest is None):
            raise ValidationError(_("Give both the earliest and the latest year, or neither (undated)."))
        if self.year_earliest is not None and self.year_earliest > self.year_latest:
            raise ValidationError({"year_latest": _("The latest year cannot be before the earliest year.")})
        clash = ItemPage.objects.filter(inventory_number=self.inventory_number, locale_id=self.locale_id)
        if self.pk:
            clash = clash.exclude(pk=self.pk)
        if self.inventory_number and clash.exists():
            raise ValidationError({"inventory_number": _("Another item already has this inventory number.")})

    def save(self, *args, **kwargs):
        self.work_status = status_after(self.life_events.all())
        super().save(*args, **kwargs)

    def place_name_of_its_time(self):
        return self.place.name_in(self.year_earliest, self.year_latest) if self.place else None

    def timeline(self) -> list["WorkEvent"]:
        return sorted(self.life_events.all(), key=WorkEvent.chronological_key)

    def fill_years_from_date_text(self) -> None:
        """Editors may type only the date text; the years then come from the parser, or the text is refused."""
        if not self.date_text or self.year_earliest is not None or self.year_latest is not None:
            return
        self.year_earliest, self.year_latest = years_from_text(self.date_text)

    @property
    def permanent_url(self) -> str:
        return reverse("item-permalink", args=[self.inventory_number])

    @property
    def rights_label(self) -> str:
        return rights_label(self.rights)

    def ordered_images(self):
        return [link for link in self.images.all() if link.image_id]

    def notes_on_details(self) -> list[tuple["ItemDetailNote", "ItemImage"]]:
        """Each note with the image it is on; a note that no longer fits its image is not shown."""
        links = self.ordered_images()
        shown = []
        for note in self.detail_notes.all():
            if note.image_number > len(links):
                continue
            link = links[note.image_number - 1]
            try:
                parse_region(note.region, link.image.width, link.image.height)
            except RegionError:
                continue
            shown.append((note, link))
        return shown

    def search_stems(self) -> str:
        """Every word a visitor may search the item by, stemmed in the page's language (search/stemming.py):
        its texts, its place in every era's name, its subjects, creators, techniques and materials; the names
        of those terms also as written, since no other search field holds them (typed without diacritics, a
        name stems differently, and the database's index folds only what it holds as written)."""
        from search.stemming import stems

        texts = [self.title, self.date_text, strip_tags(self.description or ""), self.inscriptions or ""]
        texts += [title.text for title in self.alternative_titles.all()]
        if self.place:
            texts += [self.place.name, self.place.name_en] + [name.name for name in self.place.historic_names.all()]
        texts += subject_names(self.subjects.all())
        names = []
        for link in self.creators.select_related("creator"):
            names += [link.creator.name, link.creator.name_en]
        for term in [*self.techniques.all(), *self.materials.all()]:
            names += [term.name, term.name_en]
        return " ".join([stems(texts + names, self.locale.language_code), *filter(None, names)])

    def subject_labels(self) -> list[str]:
        """The subjects in the active language (English names from vocabularies.SubjectName)."""
        return [subject_label(tag) for tag in self.subjects.all()]

    def then_now_pair(self):
        """The (then, now) image links of a (Not)forgotten city item, or None when it has no pair."""
        by_view = {link.view: link for link in self.ordered_images() if link.view}
        if "then" in by_view and "now" in by_view:
            return by_view["then"], by_view["now"]
        return None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # In a preview or a draft the relation is the form's in-memory list, not a query: ask the database.
        related = [page.pk for page in self.related_items.all()]
        context["related"] = ItemPage.objects.filter(pk__in=related).live().public()
        return context


class ItemAlternativeTitle(Orderable):
    item = ParentalKey(ItemPage, on_delete=models.CASCADE, related_name="alternative_titles")
    text = models.CharField(_("alternative title"), max_length=300)

    panels = [FieldPanel("text")]


class ItemCreator(Orderable):
    class Role(models.TextChoices):
        ARTIST = "artist", _("artist")
        WORKSHOP = "workshop", _("workshop")
        DESIGNER = "designer", _("designer")
        PHOTOGRAPHER = "photographer", _("photographer")
        AUTHOR = "author", _("author")
        RESTORER = "restorer", _("restorer")

    item = ParentalKey(ItemPage, on_delete=models.CASCADE, related_name="creators")
    creator = models.ForeignKey(
        "vocabularies.Creator", on_delete=models.PROTECT, related_name="+", verbose_name=_("creator")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.ARTIST)

    panels = [FieldPanel("creator"), FieldPanel("role")]


class ItemImage(Orderable):
    class View(models.TextChoices):
        THEN = "then", _("then (historic view)")
        NOW = "now", _("now (present-day view)")

    item = ParentalKey(ItemPage, on_delete=models.CASCADE, related_name="images")
    image = models.ForeignKey(IMAGE_MODEL, on_delete=models.PROTECT, related_name="item_links", verbose_name=_("image"))
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    alt_text = models.CharField(
        _("alternative text"),
        max_length=500,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    view = models.CharField(
        _("then/now"),
        max_length=10,
        choices=View.choices,
        blank=True,
        help_text=_("Mark the two halves of a then/now pair of the same view."),
    )

    panels = [FieldPanel("image"), FieldPanel("caption"), FieldPanel("alt_text"), FieldPanel("view")]


class WorkEvent(Orderable):
    """One event in the life of a work in a building: made, restored, painted over, moved, destroyed..."""

    class Kind(models.TextChoices):
        CREATED = "created", _("created")
        RESTORED = "restored", _("restored")
        ALTERED = "altered", _("altered")
        PAINTED_OVER = "painted_over", _("painted over")
        MOVED = "moved", _("moved")
        DESTROYED = "destroyed", _("destroyed")
        REDISCOVERED = "rediscovered", _("rediscovered")

    STATUS_AFTER = {
        Kind.CREATED: WorkStatus.SURVIVES,
        Kind.RESTORED: WorkStatus.SURVIVES,
        Kind.REDISCOVERED: WorkStatus.SURVIVES,
        Kind.ALTERED: WorkStatus.ALTERED,
        Kind.PAINTED_OVER: WorkStatus.HIDDEN,
        Kind.MOVED: WorkStatus.MOVED,
        Kind.DESTROYED: WorkStatus.LOST,
    }

    item = ParentalKey(ItemPage, on_delete=models.CASCADE, related_name="life_events")
    kind = models.CharField(_("event"), max_length=20, choices=Kind.choices)
    date_text = models.CharField(_("date as written"), max_length=200, blank=True)
    year_earliest = models.SmallIntegerField(_("earliest year"), null=True, blank=True)
    year_latest = models.SmallIntegerField(_("latest year"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=500, blank=True)
    note = models.TextField(_("note"), blank=True)

    panels = [FieldPanel("kind"), FieldPanel("date_text"), FieldPanel("source"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("event in the life of the work")

    def clean(self):
        super().clean()
        self.year_earliest, self.year_latest = years_from_text(self.date_text) if self.date_text else (None, None)

    def chronological_key(self) -> tuple:
        """Dated events by year, undated ones where the editor placed them."""
        return (self.year_earliest if self.year_earliest is not None else -(10**4), self.sort_order or 0)


def status_after(events) -> str:
    """The state a work is in after its latest event; no events means nothing is recorded."""
    ordered = sorted(events, key=WorkEvent.chronological_key)
    return WorkEvent.STATUS_AFTER[ordered[-1].kind] if ordered else ""


class ItemDetailNote(Orderable):
    """A curator's note on one region of one image; the manifest carries it as a commenting annotation."""

    item = ParentalKey(ItemPage, on_delete=models.CASCADE, related_name="detail_notes")
    image_number = models.PositiveSmallIntegerField(
        _("image number"),
        default=1,
        validators=[MinValueValidator(1)],
        help_text=_("Which of the item's digitized images, counted from 1 in their order above."),
    )
    region = models.CharField(
        _("region"),
        max_length=60,
        help_text=_("x,y,w,h in pixels of the full image; the viewer's link for the part in view gives them."),
    )
    note = models.TextField(_("note"), max_length=2000)

    panels = [
        FieldPanel("image_number"),
        FieldPanel("region", widget=RegionPickerWidget(FROM_FORM_IMAGES)),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("note on a detail")

    def clean(self):
        super().clean()
        try:
            self.region = str(parse_region(self.region))
        except RegionError as error:
            raise ValidationError({"region": str(error)}) from error
