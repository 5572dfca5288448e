"""More query parameters than DATA_UPLOAD_MAX_NUMBER_FIELDS: refused at the door, on every URL.

Django refuses them only when a view reads request.GET, so pages that read nothing answered 200 while
others logged a traceback each. Counted here from the raw query string, before any view runs: a 400 in
the visitor's language, as JSON on the APIs.
"""

from django.conf import settings
from django.core.exceptions import TooManyFieldsSent
from django.http import HttpRequest, HttpResponse, JsonResponse

from archive.core.views import bad_request, bad_request_reason

JSON_PREFIXES = ("/api/",)


def parameter_count(query_string: str) -> int:
    return sum(1 for part in query_string.replace(";", "&").split("&") if part)


class QueryParameterLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
        if limit is not None and parameter_count(request.META.get("QUERY_STRING", "")) > limit:
            return self.refusal(request)
        return self.get_response(request)

    def refusal(self, request: HttpRequest) -> HttpResponse:
        exception = TooManyFieldsSent()
        if request.path.startswith(JSON_PREFIXES):
            body = {"error": "too_many_parameters", "detail": bad_request_reason(exception)}
            return JsonResponse(body, status=400)
        return bad_request(request, exception)
