"""The site speaks Arabic unless the reader chose another language; unreadable requests get 400."""

from collections.abc import Callable
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext


def language_middleware(get_response: Callable[[HttpRequest], HttpResponse]):
    """Activate the language from the reader's cookie, else LANGUAGE_CODE.

    Unlike Django's LocaleMiddleware this ignores Accept-Language: a newsroom's
    readers with English browsers still get the Arabic, right-to-left site.
    """
    available = {code for code, _name in settings.LANGUAGES}

    def middleware(request: HttpRequest) -> HttpResponse:
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        if language not in available:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ["Cookie"])
        return response

    return middleware


def refuse_unreadable_input(get_response: Callable[[HttpRequest], HttpResponse]):
    """Answer 400 to a path or query holding NUL or bytes that are not UTF-8.

    Neither can mean anything to this site, and either would otherwise reach the
    database (PostgreSQL refuses NUL in text) or a view as replacement characters.
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        if _unreadable(request):
            return HttpResponseBadRequest(
                gettext("طلب غير صالح: فيه المحرف NUL أو بايتات ليست UTF-8."),
                content_type="text/plain; charset=utf-8",
            )
        return get_response(request)

    return middleware


def _unreadable(request: HttpRequest) -> bool:
    # Django has already re-quoted bytes of the path that are not UTF-8 (%FF stays
    # %FF); the query string is decoded only later, with replacement characters.
    query = unquote_to_bytes(request.META.get("QUERY_STRING", "").replace("+", " "))
    try:
        query_text = query.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return "\x00" in request.path or "\x00" in query_text
