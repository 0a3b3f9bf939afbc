"""The one rule for HTMX: a page, or the named fragment of it that HTMX swaps in.

Every page is one template; an HTMX request gets one of its `{% partialdef %}`
fragments instead, except a history-restore request (the browser lost its cached
copy of the page and asks again): that one gets the whole page. The same URL thus
answers with two bodies, so every answer says `Vary: HX-Request` to the caches.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers


def wants_fragment(request: HttpRequest) -> bool:
    """An HTMX request that swaps part of the page in (not a history restore)."""
    return bool(request.htmx) and not request.htmx.history_restore_request


def render_page(
    request: HttpRequest, template: str, context: dict, fragment: str, status: int | None = None
) -> HttpResponse:
    """`template`, or for HTMX its `fragment`: «#name» names a partial of `template`,
    «other.html#name» one of another template."""
    name = template
    if wants_fragment(request):
        name = f"{template}{fragment}" if fragment.startswith("#") else fragment
    response = render(request, name, context, status=status)
    patch_vary_headers(response, ["HX-Request"])
    return response
