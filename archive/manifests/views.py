"""HTTP for IIIF Presentation documents: JSON-LD with the Presentation 3 profile, open CORS, ETags and a short
cache (archive/core/revalidation.py)."""

from functools import wraps

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Locale

from archive.catalogue.models import CollectionPage, HomePage, ItemPage
from archive.core.not_found import no_images_no_manifest, no_published_item
from archive.core.revalidation import cache_control, revalidated
from archive.exhibitions.models import ExhibitionPage

from . import builder, exhibitions
from .availability import exhibition_has_manifest, item_has_manifest

CONTENT_TYPE = 'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"'
METHODS = ["GET", "HEAD", "OPTIONS"]


def in_visitors_language(view):
    """/iiif/ has no language prefix, so the locale middleware gives it the default language; a 404's
    reason (and its page) speaks the visitor's language instead, from the cookie or Accept-Language."""

    @wraps(view)
    def in_language(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        translation.activate(translation.get_language_from_request(request))
        request.LANGUAGE_CODE = translation.get_language()
        return view(request, *args, **kwargs)

    return in_language


def can_see_drafts(request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    return bool(user and user.is_active and user.has_perm("wagtailadmin.access_admin"))


def original_locale() -> Locale:
    return Locale.get_default()


@require_http_methods(METHODS)
@in_visitors_language
def item_manifest(request: HttpRequest, inventory_number: str) -> HttpResponse:
    items = ItemPage.objects.filter(inventory_number=inventory_number, locale=original_locale())
    drafts = can_see_drafts(request)
    item = (items if drafts else items.live().public()).first()
    if item is None:
        raise no_published_item(inventory_number)
    if not item_has_manifest(item):
        raise no_images_no_manifest(inventory_number)
    return document_response(request, builder.item_manifest(item), public=item.live and not drafts)


@require_http_methods(METHODS)
@in_visitors_language
def collection(request: HttpRequest, slug: str) -> HttpResponse:
    if slug == "exhibitions":
        return document_response(request, exhibitions.exhibitions_collection(listed_exhibitions()), public=True)
    if slug == "top":
        home = HomePage.objects.filter(locale=original_locale()).first()
        pages = CollectionPage.objects.child_of(home).live().public() if home else CollectionPage.objects.none()
        document = builder.top_collection(pages)
        if listed_exhibitions():
            document.items.append(exhibitions.exhibitions_reference())
        return document_response(request, document, public=True)
    page = CollectionPage.objects.live().public().filter(slug=slug, locale=original_locale()).first()
    if page is None:
        raise Http404(_("No published collection is called %(slug)s.") % {"slug": slug})
    return document_response(request, builder.collection_document(page), public=True)


def listed_exhibitions() -> list[ExhibitionPage]:
    """Published exhibitions that have a manifest (some image to show), by title."""
    pages = ExhibitionPage.objects.live().public().filter(locale=original_locale()).order_by("title")
    return [page for page in pages if exhibition_has_manifest(page)]


@require_http_methods(METHODS)
@in_visitors_language
def exhibition_manifest(request: HttpRequest, slug: str) -> HttpResponse:
    pages = ExhibitionPage.objects.filter(slug=slug, locale=original_locale())
    drafts = can_see_drafts(request)
    page = (pages if drafts else pages.live().public()).first()
    if page is None:
        raise Http404(_("No published exhibition is called %(slug)s.") % {"slug": slug})
    if not exhibition_has_manifest(page):
        raise Http404(
            _("The exhibition %(slug)s shows no digitized images yet, so it has no IIIF manifest.") % {"slug": slug}
        )
    return document_response(request, exhibitions.exhibition_manifest(page), public=page.live and not drafts)


def document_response(request: HttpRequest, document, public: bool) -> HttpResponse:
    if request.method == "OPTIONS":
        response = HttpResponse(status=204)
        response["Cache-Control"] = cache_control(public)
    else:
        response = revalidated(request, HttpResponse(document.jsonld().encode(), content_type=CONTENT_TYPE), public)
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = ", ".join(METHODS)
    response["Access-Control-Allow-Headers"] = "Accept, If-None-Match"
    response["Access-Control-Expose-Headers"] = "ETag"
    response["Vary"] = "Cookie" if not public else "Accept-Encoding"
    return response
