"""The site speaks Arabic unless the reader chose another language."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers


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
