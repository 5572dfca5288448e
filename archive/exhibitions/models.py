"""The exhibition page: a story in blocks, with the items it shows collected for maps, timelines and IIIF."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from archive.catalogue.models import ItemPage
from archive.core.pages import PublicOriginPage
from archive.core.templatetags.archive_tags import is_public_page as is_public

from .blocks import ExhibitionStreamBlock

ITEM_BLOCKS = ("highlight", "then_now", "viewer")


class ExhibitionPage(PublicOriginPage, Page):
    intro = RichTextField(_("introduction"), blank=True)
    hero_image = models.ForeignKey(
        "media.DigitizedImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
    )
    body = StreamField(ExhibitionStreamBlock(), blank=True, verbose_name=_("story"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("hero_image"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["catalogue.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("exhibition")
        verbose_name_plural = _("exhibitions")

    def highlights(self) -> list[dict]:
        """Each highlighted item with the image and region it shows, in story order (published items only)."""
        found = []
        for block in self.body:
            if block.block_type == "highlight" and is_public(block.value["item"]):
                found.append(
                    {
                        "item": block.value["item"].specific,
                        "image_number": block.value["image_number"],
                        "region": block.value.get("region") or "",
                    }
                )
        return found

    def items(self) -> list[ItemPage]:
        """Every published item the story shows, once, in order of first appearance."""
        seen, items = set(), []
        for block in self.body:
            pages = (
                block.value["items"]
                if block.block_type == "gallery"
                else ([block.value["item"]] if block.block_type in ITEM_BLOCKS else [])
            )
            for page in pages:
                if page and page.pk not in seen and is_public(page):
                    seen.add(page.pk)
                    items.append(page.specific)
        return items

    def mapped_items(self) -> list[ItemPage]:
        return [item for item in self.items() if item.place and item.place.has_coordinates]

    def dated_items(self) -> list[ItemPage]:
        dated = [item for item in self.items() if item.year_earliest is not None]
        return sorted(dated, key=lambda item: (item.year_earliest, item.year_latest))
