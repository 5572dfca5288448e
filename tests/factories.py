"""Small builders for test data: a site tree, images, collections and items."""

import io
import itertools

import pyvips
from django.core.files.images import ImageFile
from wagtail.models import Collection, Locale, Page, Site

from archive.catalogue.models import CollectionPage, HomePage, ItemImage, ItemPage
from media.models import DigitizedImage

_numbers = itertools.count(1)


def jpeg_bytes(width: int = 64, height: int = 48, colour: tuple[int, int, int] = (180, 40, 40)) -> bytes:
    image = (pyvips.Image.black(width, height) + list(colour)).cast("uchar")
    return image.jpegsave_buffer(Q=85)


def make_image(title: str = "Scan", width: int = 64, height: int = 48, **fields) -> DigitizedImage:
    ensure_tree_roots()
    data = jpeg_bytes(width, height)
    image = DigitizedImage(title=title, **fields)
    image.file = ImageFile(io.BytesIO(data), name=f"{title.lower().replace(' ', '-')}.jpg")
    image.save()
    return image


def ensure_tree_roots() -> Page:
    """The page and image-collection roots that migrations create; a transactional test's flush removes them."""
    locale = Locale.objects.get_or_create(language_code="lt")[0]
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    return Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root", locale=locale))


def make_home(locale_code: str = "lt") -> HomePage:
    root = ensure_tree_roots()
    locale = Locale.objects.get_or_create(language_code=locale_code)[0]
    home = root.add_child(instance=HomePage(title="Archyvas", slug=f"home-{locale_code}", locale=locale))
    Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, "hostname": "localhost"})
    return home


def make_collection(home: HomePage, title: str = "Vitražai", **fields) -> CollectionPage:
    slug = fields.pop("slug", f"collection-{next(_numbers)}")
    return home.add_child(instance=CollectionPage(title=title, slug=slug, **fields))


def make_item(collection: CollectionPage, title: str = "Langas", live: bool = True, images=(), **fields) -> ItemPage:
    number = next(_numbers)
    fields.setdefault("inventory_number", f"TEST-{number:04d}")
    fields.setdefault("rights", "http://rightsstatements.org/vocab/InC/1.0/")
    item = ItemPage(title=title, slug=f"item-{number}", live=live, **fields)
    for position, image in enumerate(images):  # as the editor's panel numbers them; PostgreSQL keeps no order
        item.images.add(ItemImage(image=image, alt_text=f"Alt text of {image.title}", sort_order=position))
    collection.add_child(instance=item)
    if not live:
        item.unpublish()
    return item


def make_member(username: str, group: str, password: str = "pw"):
    """A user in one of the archive's groups ("Curators", "Editors"), as the admin would create them."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(username, f"{username}@example.org", password)
    user.groups.add(Group.objects.get(name=group))
    return user
