"""The read-only JSON API: what readers see, for other tools. OpenAPI at /api/openapi.json.

Only what the public pages show: confirmed events, published stories, articles.
Lists are keyset-paginated: each page gives `next`, the value to send as `after`
for the following page (null on the last page). Bad input answers 400 with a message.
"""

from datetime import date
from typing import Any

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, NinjaAPI, Query, Schema
from ninja.decorators import decorate_view
from ninja.errors import HttpError, ValidationError

from timeline.models import Article, Event, EventSource, Story
from timeline.reader_cache import cached_for_readers
from timeline.reader_filters import (
    TimelineFilterForm,
    after_cursor,
    filter_events,
    format_cursor,
    keyset_page,
    parse_cursor,
)
from timeline.search import search

MAX_LIMIT = 100

api = NinjaAPI(
    title="Newsroom timeline API",
    version="1",
    description="Read-only: confirmed events, published stories and articles.",
    urls_namespace="api",
)


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError):
    # Ninja answers 422 by default; a bad query string is a plain bad request.
    return api.create_response(request, {"detail": exc.errors}, status=400)


class ErrorOut(Schema):
    detail: str | list[dict[str, Any]] = Field(description="what was wrong")


class EventOut(Schema):
    id: int
    title: str
    first_day: date
    last_day: date
    granularity: str
    kind: str
    places: list[str]
    actors: list[str]
    salience: float = Field(description="0–1; the main event of an article is its highest")
    url: str


class SourceOut(Schema):
    article_id: int
    article_title: str
    article_url: str
    published: date | None
    excerpt: str


class EventDetailOut(EventOut):
    sources: list[SourceOut]
    stories: list[str]


class EventPage(Schema):
    items: list[EventOut]
    next: str | None = Field(description="send as `after` for the next page")


class ArticleOut(Schema):
    id: int
    title: str
    url: str
    published: date | None
    source: str | None
    status: str


class ArticleDetailOut(ArticleOut):
    body: str
    event_ids: list[int]


class ArticlePage(Schema):
    items: list[ArticleOut]
    next: str | None


class StoryOut(Schema):
    slug: str
    title: str
    description: str
    url: str


class StoryPage(Schema):
    items: list[StoryOut]
    next: str | None


class EventFilters(Schema):
    q: str = Field("", max_length=100, description="words that must all be in the title")
    kind: str = Field("", max_length=16)
    place: str = Field("", max_length=100, description="a place's name")
    actor: str = Field("", max_length=200, description="an actor's name, or any of its aliases")
    story: str = Field("", max_length=200, description="a published story's slug")
    start: date | None = Field(None, description="events that end on or after this day")
    end: date | None = Field(None, description="events that begin on or before this day")
    after: str = Field("", max_length=40, description="`next` of the previous page")
    limit: int = Field(settings.TIMELINE_PAGE_SIZE, ge=1, le=MAX_LIMIT)


def _event_out(event: Event) -> dict:
    return {
        "id": event.pk,
        "title": event.title,
        "first_day": event.first_day,
        "last_day": event.last_day,
        "granularity": event.granularity,
        "kind": event.kind,
        "places": [place.name for place in event.places.all()],
        "actors": [actor.name for actor in event.actors.all()],
        "salience": event.salience,
        "url": event.get_absolute_url(),
    }


def _article_out(article: Article) -> dict:
    return {
        "id": article.pk,
        "title": article.title,
        "url": article.url,
        "published": article.published,
        "source": article.source.name if article.source else None,
        "status": article.status,
    }


def _id_cursor(row: Article | Story) -> str:
    return str(row.pk)


def _int_cursor(value: str) -> int | None:
    """`after` for lists ordered by id: a positive whole number, or absent."""
    if not value:
        return None
    # isascii: "¹" and "٣" are digits to isdigit() but not to int() (or not ours).
    if not (value.isascii() and value.isdigit()) or len(value) > 18:
        raise HttpError(400, "after must be the `next` value of the previous page.")
    return int(value)


def public_events() -> QuerySet[Event]:
    return Event.objects.filter(status=Event.Status.CONFIRMED)


@api.get(
    "/events",
    response={200: EventPage, 400: ErrorOut},
    summary="Confirmed events in timeline order",
)
@decorate_view(cached_for_readers)
def list_events(request: HttpRequest, filters: Query[EventFilters]) -> dict:
    """The timeline's filters, as on `/`; ordered by (first day, id)."""
    data = filters.dict()
    form = TimelineFilterForm(
        {k: v for k, v in data.items() if k not in {"after", "limit"} and v not in ("", None)},
        editor=False,
    )
    if not form.is_valid():
        raise HttpError(400, "; ".join(f"{k}: {' '.join(v)}" for k, v in form.errors.items()))
    cursor = parse_cursor(filters.after)
    if filters.after and cursor is None:
        raise HttpError(400, "after must be the `next` value of the previous page.")
    events = filter_events(Event.objects.all(), form.cleaned_data, editor=False)
    page, next_cursor = keyset_page(
        after_cursor(events, cursor)
        .prefetch_related("places", "actors")
        .order_by("first_day", "id"),
        filters.limit,
        format_cursor,
    )
    return {"items": [_event_out(e) for e in page], "next": next_cursor}


@api.get(
    "/events/{event_id}",
    response={200: EventDetailOut, 400: ErrorOut, 404: ErrorOut},
    summary="One confirmed event",
)
@decorate_view(cached_for_readers)
def get_event(request: HttpRequest, event_id: int) -> dict:
    """The event with every excerpt that reports it, and its published stories."""
    event = get_object_or_404(
        public_events().prefetch_related(
            "places",
            "actors",
            Prefetch(
                "sources",
                queryset=EventSource.objects.select_related("article").order_by("id"),
            ),
            Prefetch("stories", queryset=Story.objects.filter(published=True)),
        ),
        pk=event_id,
    )
    return {
        **_event_out(event),
        "sources": [
            {
                "article_id": source.article_id,
                "article_title": source.article.title,
                "article_url": source.article.get_absolute_url(),
                "published": source.article.published,
                "excerpt": source.excerpt,
            }
            for source in event.sources.all()
        ],
        "stories": [story.slug for story in event.stories.all()],
    }


@api.get(
    "/articles",
    response={200: ArticlePage, 400: ErrorOut},
    summary="Articles, newest first",
)
@decorate_view(cached_for_readers)
def list_articles(
    request: HttpRequest,
    q: str = Query("", max_length=100, description="words that must all be in the title"),
    after: str = Query("", max_length=20, description="`next` of the previous page"),
    limit: int = Query(settings.TIMELINE_PAGE_SIZE, ge=1, le=MAX_LIMIT),
) -> dict:
    """Ordered by id, newest first (the order they were added)."""
    articles = search(Article.objects.select_related("source"), q)
    if (before := _int_cursor(after)) is not None:
        articles = articles.filter(id__lt=before)
    page, next_cursor = keyset_page(articles.order_by("-id"), limit, _id_cursor)
    return {"items": [_article_out(a) for a in page], "next": next_cursor}


@api.get(
    "/articles/{article_id}",
    response={200: ArticleDetailOut, 400: ErrorOut, 404: ErrorOut},
    summary="One article",
)
@decorate_view(cached_for_readers)
def get_article(request: HttpRequest, article_id: int) -> dict:
    """The article's text and the confirmed events it reports."""
    article = get_object_or_404(Article.objects.select_related("source"), pk=article_id)
    event_ids = (
        public_events().filter(sources__article=article).order_by("id").values_list("id", flat=True)
    )
    return {**_article_out(article), "body": article.body, "event_ids": list(event_ids.distinct())}


def _story_out(story: Story) -> dict:
    return {
        "slug": story.slug,
        "title": story.title,
        "description": story.description,
        "url": story.get_absolute_url(),
    }


@api.get("/stories", response={200: StoryPage, 400: ErrorOut}, summary="Published stories")
@decorate_view(cached_for_readers)
def list_stories(
    request: HttpRequest,
    after: str = Query("", max_length=20, description="`next` of the previous page"),
    limit: int = Query(settings.TIMELINE_PAGE_SIZE, ge=1, le=MAX_LIMIT),
) -> dict:
    """Ordered by id; a story's events are at /api/events?story=SLUG."""
    stories = Story.objects.filter(published=True)
    if (after_id := _int_cursor(after)) is not None:
        stories = stories.filter(id__gt=after_id)
    page, next_cursor = keyset_page(stories.order_by("id"), limit, _id_cursor)
    return {"items": [_story_out(s) for s in page], "next": next_cursor}


@api.get(
    "/stories/{slug}",
    response={200: StoryOut, 400: ErrorOut, 404: ErrorOut},
    summary="One published story",
)
@decorate_view(cached_for_readers)
def get_story(request: HttpRequest, slug: str) -> dict:
    return _story_out(get_object_or_404(Story, slug=slug, published=True))
