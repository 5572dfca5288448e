"""The admin's live preview of how the archive reads a date text."""

from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _

from .edtf import dating
from .lookup import DateParseError, YearRange, parse


def preview(request: HttpRequest) -> JsonResponse:
    text = request.GET.get("text", "")
    try:
        result = parse(text)
    except DateParseError as error:
        return JsonResponse({"ok": False, "message": str(error)})
    if result.undated:
        return JsonResponse(
            {
                "ok": True,
                "earliest": None,
                "latest": None,
                "edtf": "",
                "message": _("Undated: the item has no year range and is found under 'undated'."),
            }
        )
    dated = dating(text, result.earliest, result.latest)
    return JsonResponse(
        {
            "ok": True,
            "earliest": result.earliest,
            "latest": result.latest,
            "edtf": dated.edtf,
            "message": f"{reading_message(result)} (EDTF {dated.edtf})",
        }
    )


def reading_message(result: YearRange) -> str:
    if result.first_day and result.first_day == result.last_day:
        return _("Day %(day)s") % {"day": result.first_day.isoformat()}
    if result.first_day:
        return _("Days %(first)s–%(last)s") % {
            "first": result.first_day.isoformat(),
            "last": result.last_day.isoformat(),
        }
    if result.earliest == result.latest:
        return _("Year %(year)s") % {"year": result.earliest}
    return _("Years %(earliest)s–%(latest)s") % {"earliest": result.earliest, "latest": result.latest}
