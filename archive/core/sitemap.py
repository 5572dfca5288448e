"""A sitemap of every public page in every language (Wagtail's own lists only the default locale's tree)."""

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class MultilingualSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        roots = Page.objects.filter(translation_key=root.translation_key)
        pages = Page.objects.none()
        for translated_root in roots:
            pages = pages | Page.objects.descendant_of(translated_root, inclusive=True)
        return pages.live().public().order_by("path").specific()
