"""The catalogue's answer to media/: an image is public when a published, unrestricted page shows it."""

from django.db.models import Q, QuerySet
from django.http import HttpRequest

from .models import CollectionPage, ItemPage


class CatalogueImageAccess:
    def can_view(self, request: HttpRequest, image) -> bool:
        if image.is_public:
            return True
        user = getattr(request, "user", None)
        if user is not None and user.is_active and user.has_perm("wagtailadmin.access_admin"):
            return True
        return is_shown_on_public_page(image)

    def shown_publicly(self, image) -> bool:
        return bool(image.is_public) or is_shown_on_public_page(image)

    def public_images(self, images: QuerySet) -> QuerySet:
        """shown_publicly() for many images in one query (media.iiif.public_tiles asks after every change)."""
        shown = ItemPage.objects.live().public().values("images__image")
        heroes = CollectionPage.objects.live().public().exclude(hero_image=None).values("hero_image")
        return images.filter(Q(is_public=True) | Q(pk__in=shown) | Q(pk__in=heroes))


def is_shown_on_public_page(image) -> bool:
    if ItemPage.objects.live().public().filter(images__image=image).exists():
        return True
    return CollectionPage.objects.live().public().filter(hero_image=image).exists()
