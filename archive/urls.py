"""URL map: language-independent services first, then the pages under Lithuanian (no prefix) or /en/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from archive.core import health
from archive.core import views as core_views
from archive.core.metrics import metrics
from archive.core.sitemap import MultilingualSitemap
from archive.embeds import urls as embeds_urls
from archive.embeds import views as embeds_views
from archive.oai import urls as oai_urls
from archive.records import urls as records_urls
from media.rendition_files import rendition_file
from search import views as search_views

handler400 = core_views.bad_request
handler500 = core_views.server_error

urlpatterns = [
    # Exempt from the HTTPS redirect in production (SECURE_REDIRECT_EXEMPT): keep the two lists in step.
    path("healthz", health.report, name="healthz"),
    path("healthz/live", health.live, name="healthz-live"),
    path("healthz/ready", health.ready, name="healthz-ready"),
    path("metrics", metrics, name="metrics"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
    path("oai", include(oai_urls.oai_urlpatterns)),
    path("iiif/discovery/", include(oai_urls.discovery_urlpatterns)),
    path("iiif/", include("archive.manifests.urls")),
    path("iiif/", include("media.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/setlang/", set_language, name="set_language"),
    path("api/search/", include("search.urls")),
    path("api/", include(records_urls.export_urlpatterns)),
    # In every configuration, DEBUG included: /media/ serves renditions after an access check, nothing else.
    path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", rendition_file, name="rendition-file"),
    path("", include(embeds_urls.urlpatterns)),
]

urlpatterns += i18n_patterns(
    path("item/<inventory:inventory_number>/", core_views.item_permalink, name="item-permalink"),
    path("search/", search_views.search, name="search"),
    path("compare/", embeds_views.compare, name="compare"),
    path("", include(embeds_urls.page_urlpatterns)),
    path("item/", include(records_urls.item_urlpatterns)),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
