"""StreamField blocks an exhibition is told with."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from archive.catalogue.region_picker import FROM_CHOSEN_ITEM, RegionPickerWidget
from archive.catalogue.regions import RegionError, parse_region


class ItemChooserBlock(blocks.PageChooserBlock):
    def __init__(self, **kwargs):
        super().__init__(page_type="catalogue.ItemPage", **kwargs)


class RegionBlock(blocks.CharBlock):
    """x,y,w,h typed, or drawn on the chosen item's image (catalogue/region_picker.py)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.field.widget = RegionPickerWidget(FROM_CHOSEN_ITEM)

    def deconstruct(self):
        """Stored and migrated as the CharBlock it is: only the admin's widget differs."""
        _path, args, kwargs = super().deconstruct()
        return "wagtail.blocks.CharBlock", args, kwargs


class ItemHighlightBlock(blocks.StructBlock):
    item = ItemChooserBlock(label=_("item"))
    image_number = blocks.IntegerBlock(
        label=_("image number"), default=1, min_value=1, help_text=_("Which of the item's images: 1 is the first.")
    )
    region = RegionBlock(
        label=_("region"),
        required=False,
        help_text=_(
            "A detail as x,y,w,h in pixels of the full image, e.g. 1200,800,600,400. Zoom to the "
            "detail in the item page's viewer: its 'part in view' link ends with these four numbers. "
            "Empty: the whole image."
        ),
    )
    caption = blocks.RichTextBlock(label=_("caption"), required=False, features=["bold", "italic", "link"])

    class Meta:
        icon = "image"
        label = _("Item highlight")
        template = "exhibitions/blocks/item_highlight.html"

    def clean(self, value):
        value = super().clean(value)
        item = value.get("item")
        images = item.specific.ordered_images() if item else []
        if item and value["image_number"] > len(images):
            raise StructBlockValidationError(
                {"image_number": ValidationError(_("This item has %(count)s image(s).") % {"count": len(images)})}
            )
        if value.get("region"):
            image = images[value["image_number"] - 1].image
            try:
                value["region"] = str(parse_region(value["region"], image.width, image.height))
            except RegionError as error:
                raise StructBlockValidationError({"region": ValidationError(str(error))}) from error
        return value


class ThenNowBlock(blocks.StructBlock):
    item = ItemChooserBlock(label=_("item with a then/now pair"))
    caption = blocks.CharBlock(label=_("caption"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Then and now")
        template = "exhibitions/blocks/then_now.html"

    def clean(self, value):
        value = super().clean(value)
        if value.get("item") and value["item"].specific.then_now_pair() is None:
            raise StructBlockValidationError(
                {"item": ValidationError(_("This item has no pair of images marked 'then' and 'now'."))}
            )
        return value


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quotation"))
    attribution = blocks.CharBlock(label=_("who said or wrote it"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "exhibitions/blocks/quote.html"


class GalleryBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False)
    items = blocks.ListBlock(ItemChooserBlock(), label=_("items"), min_num=1)

    class Meta:
        icon = "grip"
        label = _("Gallery")
        template = "exhibitions/blocks/gallery.html"


class MapBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False)

    class Meta:
        icon = "site"
        label = _("Map of the exhibition's items")
        template = "exhibitions/blocks/map.html"


class TimelineBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False)

    class Meta:
        icon = "date"
        label = _("Timeline of the exhibition's items")
        template = "exhibitions/blocks/timeline.html"


class ViewerBlock(blocks.StructBlock):
    item = ItemChooserBlock(label=_("item"))

    class Meta:
        icon = "view"
        label = _("Embedded viewer")
        template = "exhibitions/blocks/viewer.html"


class ExhibitionStreamBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(label=_("Text"), icon="pilcrow")
    highlight = ItemHighlightBlock()
    then_now = ThenNowBlock()
    quote = QuoteBlock()
    gallery = GalleryBlock()
    map = MapBlock()
    timeline = TimelineBlock()
    viewer = ViewerBlock()
