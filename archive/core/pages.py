"""What every page of the archive shares: its absolute address comes from PUBLIC_BASE_URL.

Wagtail builds a page's full URL from its Site record (hostname and port), which the seed loader wrote once
and which no longer matches when the archive runs on another port or behind a proxy. The archive serves one
public origin, so every absolute page URL (manifests' homepages, sitemaps, embeds, oEmbed) is built here
from that setting, never from the Site record or a request's Host header.
"""

from django.conf import settings


class PublicOriginPage:
    """A mixin for Page models; Wagtail documents get_url_parts as the method to override for this."""

    def get_url_parts(self, request=None):
        parts = super().get_url_parts(request)
        if parts is None or parts[1] is None:
            return parts
        site_id, _site_root_url, page_path = parts
        return site_id, settings.PUBLIC_BASE_URL, page_path
