"""The admin's region picker: an x,y,w,h field with the image beside it to draw the region on.

The field stays the value (and the keyboard's way in); `catalogue/region-picker.js` shows the image in
OpenSeadragon, fills the field from a drawn rectangle and moves the rectangle as the field is typed. Which
image: the item form's own images (detail notes) or a chosen item's saved images (exhibition highlights),
numbered by the sibling `image_number` field. The region is checked server-side by `regions.parse_region`
only; the browser merely draws it.
"""

import json

from django import forms
from django.http import HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.images import get_image_model

from media.addresses import image_service_url

# Where the widget finds its image: the form's images formset, or a sibling item chooser.
FROM_FORM_IMAGES = "images"
FROM_CHOSEN_ITEM = "item"


def picker_labels() -> dict[str, str]:
    return {
        "open": _("Draw on the image"),
        "close": _("Hide the image"),
        "draw": _("Draw a rectangle"),
        "move": _("Move and zoom the image"),
        "help": _(
            "Drag across the image to draw the region; the field above fills in. Typing x,y,w,h in the "
            "field moves the rectangle."
        ),
        "loading": _("Loading the image…"),
        "noImage": _("Choose the item's image first (the image number counts the item's images)."),
        "failed": _("The image could not be loaded."),
        "viewer": _("Image to draw the region on"),
    }


class RegionPickerWidget(forms.TextInput):
    def __init__(self, source: str, attrs=None):
        super().__init__(attrs)
        self.source = source

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].update(
            {
                "data-region-picker": self.source,
                "data-region-picker-url": reverse("region_picker_image"),
                "data-region-picker-icons": static("vendor/openseadragon/images/"),
                "data-region-picker-labels": json.dumps(picker_labels()),
                "autocomplete": "off",
                "placeholder": "x,y,w,h",
            }
        )
        return context

    @property
    def media(self):
        return forms.Media(
            js=["vendor/openseadragon/openseadragon.min.js", "catalogue/region-picker.js"],
            css={"all": ["catalogue/region-picker.css"]},
        )


def image_for_picker(request: HttpRequest) -> JsonResponse:
    """`?image=<pk>` or `?item=<page pk>&number=<n>`: the image's info.json and size, for admin users (who
    may see every image through the IIIF service, public or not)."""
    from .models import ItemPage  # the item model's panels use the widget above

    if request.GET.get("image", "").isdigit():
        image = get_object_or_404(get_image_model(), pk=int(request.GET["image"]))
    elif request.GET.get("item", "").isdigit() and request.GET.get("number", "").isdigit():
        item = get_object_or_404(ItemPage, pk=int(request.GET["item"]))
        links, number = item.ordered_images(), int(request.GET["number"])
        if not 1 <= number <= len(links):
            return JsonResponse(
                {
                    "error": _("The item has %(count)s image(s); there is no image %(number)s.")
                    % {"count": len(links), "number": number}
                },
                status=404,
            )
        image = links[number - 1].image
    else:
        return JsonResponse({"error": picker_labels()["noImage"]}, status=400)
    return JsonResponse(
        {"info": f"{image_service_url(image.iiif_identifier)}/info.json", "width": image.width, "height": image.height}
    )
