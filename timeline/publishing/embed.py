"""Embeds: the timeline alone in other sites' iframes, its embed code, and oEmbed.

`/embed/stories/SLUG/` and `/embed/?<the timeline's filters>` show the timeline as
anonymous readers see it, without the site's header or filters. Only the origins in
EMBED_ALLOWED_ORIGINS may frame them (`Content-Security-Policy: frame-ancestors`);
every other page keeps `X-Frame-Options: DENY`. An embed posts its height to the
page around it, where static/timeline/embed-resize.js (in the embed code) sizes the
iframe. `/oembed?url=…` gives that code to CMSs that speak oEmbed.
"""

from collections.abc import Callable
from functools import wraps
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    JsonResponse,
    QueryDict,
)
from django.shortcuts import get_object_or_404
from django.templatetags.static import PrefixNode
from django.urls import Resolver404, resolve, reverse
from django.utils.csp import CSP
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from timeline.models import Story
from timeline.publishing.sharing import FEED_FILTERS
from timeline.reader.views import _render_timeline
from timeline.reader_cache import cached_for_readers

# The iframe's size before its script reports the height, and oEmbed's defaults.
DEFAULT_WIDTH = 800
DEFAULT_HEIGHT = 600
RESIZER = "timeline/embed-resize.js"


def embeddable(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Let the listed origins frame the view, which shows what anonymous readers see."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        # An editor's candidates and forms stay on the site, and out of the cache key.
        request.user = AnonymousUser()
        response = view(request, *args, **kwargs)
        response.xframe_options_exempt = True
        response._csp_config = {
            **settings.SECURE_CSP,
            "frame-ancestors": settings.EMBED_ALLOWED_ORIGINS or [CSP.NONE],
        }
        return response

    return wrapper


def _filters(query: QueryDict) -> QueryDict:
    """The timeline filters of a query string (not its zoom, day or page)."""
    kept = QueryDict(mutable=True)
    for name in FEED_FILTERS:
        value = query.get(name)
        if value:
            kept[name] = value[:200]
    return kept


def _site_url(request: HttpRequest, story: Story | None) -> str:
    if story is not None:
        return request.build_absolute_uri(story.get_absolute_url())
    query = _filters(request.GET).urlencode()
    return request.build_absolute_uri(reverse("timeline:timeline") + (f"?{query}" if query else ""))


@embeddable
@cached_for_readers
def embed_timeline(request: HttpRequest) -> HttpResponse:
    """/embed/?<filters>: the main timeline's events, filtered as its query says."""
    return _render_timeline(
        request, "timeline/embed.html", extra={"site_url": _site_url(request, None)}
    )


@embeddable
@cached_for_readers
def embed_story(request: HttpRequest, slug: str) -> HttpResponse:
    """/embed/stories/SLUG/: a published story's timeline."""
    story = get_object_or_404(Story, slug=slug, published=True)
    return _render_timeline(
        request, "timeline/embed.html", story, extra={"site_url": _site_url(request, story)}
    )


def embed_code(
    request: HttpRequest, embed_path: str, title: str, width: str, height: int
) -> SafeString:
    """The iframe, and the script from our static files that makes it follow its content."""
    static_prefix = PrefixNode.handle_simple("STATIC_URL")
    return format_html(
        '<iframe src="{}" title="{}" width="{}" height="{}" style="border:0;max-width:100%"'
        ' loading="lazy" data-newsroom-embed></iframe>\n<script src="{}" async></script>',
        request.build_absolute_uri(embed_path),
        title,
        width,
        height,
        # Unhashed, so that pasted code keeps working across deployments.
        request.build_absolute_uri(static_prefix + RESIZER),
    )


def story_embed_code(request: HttpRequest, story: Story) -> SafeString:
    path = reverse("timeline:embed_story", args=[story.slug])
    return embed_code(request, path, story.title, "100%", DEFAULT_HEIGHT)


def _size(request: HttpRequest, name: str, default: int) -> int:
    raw = request.GET.get(name, "").strip()
    if not raw:
        return default
    if not raw.isascii() or not raw.isdigit() or not 0 < int(raw) <= 100_000:
        raise ValueError(name)
    return min(default, int(raw))


def _embedded_page(request: HttpRequest, url: str) -> tuple[str, str, str]:
    """(title, embed path, page URL) of one of our story or timeline pages, else Http404."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or parts.netloc.lower() != request.get_host().lower():
        raise Http404("Not a page of this site.")
    try:
        match = resolve(unquote(parts.path) or "/")
    except Resolver404:
        raise Http404("No such page.") from None
    query = _filters(QueryDict(parts.query)).urlencode()
    if match.view_name in ("timeline:story", "timeline:embed_story"):
        story = get_object_or_404(Story, slug=match.kwargs["slug"], published=True)
        return (
            story.title,
            reverse("timeline:embed_story", args=[story.slug]),
            story.get_absolute_url(),
        )
    if match.view_name in ("timeline:timeline", "timeline:embed"):
        suffix = f"?{query}" if query else ""
        return (
            gettext("الخط الزمني للأحداث"),
            reverse("timeline:embed") + suffix,
            reverse("timeline:timeline") + suffix,
        )
    raise Http404("Only story and timeline pages can be embedded.")


def oembed(request: HttpRequest) -> HttpResponse:
    """/oembed?url=…&format=json[&maxwidth=&maxheight=]: the oEmbed "rich" answer."""
    if request.GET.get("format", "json") != "json":
        return HttpResponse(
            "Only format=json is provided.", status=501, content_type="text/plain; charset=utf-8"
        )
    url = request.GET.get("url", "")
    if not url or len(url) > 2000:
        return HttpResponseBadRequest(
            "url= must be the address of a story or of the timeline.",
            content_type="text/plain; charset=utf-8",
        )
    try:
        width = _size(request, "maxwidth", DEFAULT_WIDTH)
        height = _size(request, "maxheight", DEFAULT_HEIGHT)
    except ValueError as exc:
        return HttpResponseBadRequest(
            f"{exc} must be a positive whole number.", content_type="text/plain; charset=utf-8"
        )
    title, embed_path, page_path = _embedded_page(request, url)
    response = JsonResponse(
        {
            "version": "1.0",
            "type": "rich",
            "title": title,
            "provider_name": gettext("الخط الزمني"),
            "provider_url": request.build_absolute_uri("/"),
            "url": request.build_absolute_uri(page_path),
            "html": embed_code(request, embed_path, title, str(width), height),
            "width": width,
            "height": height,
            "cache_age": 3600,
        },
        json_dumps_params={"ensure_ascii": False},
    )
    # CMSs fetch it from their servers; a script on another site may read it too.
    response["Access-Control-Allow-Origin"] = "*"
    return response
