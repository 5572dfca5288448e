"""The admin's live preview of how the archive reads a date text."""

from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _

from .lookup import DateParseError, parse


def preview(request: HttpRequest) -> JsonResponse:
    text = request.GET.get("text", "")
    try:
        result = parse(text)
    except DateParseError as error:
        return JsonResponse({"ok": False, "message": str(error)})
    if result.undated:
        message = _("Undated: the item has no year range and is found under 'undated'.")
    elif result.earliest == result.latest:
        message = _("Year %(year)s") % {"year": result.earliest}
    else:
        message = _("Years %(earliest)s–%(latest)s") % {"earliest": result.earliest, "latest": result.latest}
    return JsonResponse({"ok": True, "earliest": result.earliest, "latest": result.latest, "message": message})
