"""The read-only JSON API: what readers see, for other tools. OpenAPI at /api/openapi.json.

Only what the public pages show: confirmed events, published stories, articles.
Lists are keyset-paginated: each page gives `next`, the value to send as `after`
for the following page (null on the last page). Bad input answers 400 with a message.
"""

from datetime import date
from typing import Any

from django import forms
from django.conf import settings
from django.db import connection
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, NinjaAPI, Query, Schema
from ninja.decorators import decorate_view
from ninja.errors import HttpError, ValidationError
from pydantic import create_model

from timeline.models import (
    Article,
    Event,
    EventSource,
    Story,
    linked_names,
    published_stories,
    url_with_id,
)
from timeline.reader.filters import (
    READER_FILTERS,
    BadFilters,
    Order,
    TimelineFilterForm,
    keyset_page,
    timeline_page,
)
from timeline.reader_cache import cached_for_readers
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


# What the schema says of each filter; the filters themselves, their types and their
# limits come from the timeline's form (timeline/reader/filters.py).
FILTER_DESCRIPTIONS = {
    "q": "words that must all be in the title",
    "kind": "one of the event kinds",
    "place": "a place's name",
    "actor": "an actor's name, or any of its aliases",
    "story": "a published story's slug",
    "start": "events that end on or after this day",
    "end": "events that begin on or before this day",
    "upcoming": "only events that begin today or later",
}


def _query_field(field: forms.Field, description: str) -> tuple[Any, Any]:
    """The API's query parameter for one of the form's fields: its type and limits."""
    if isinstance(field, forms.DateField):
        return date | None, Field(None, description=description)
    if isinstance(field, forms.BooleanField):
        return bool, Field(False, description=description)
    if isinstance(field, forms.ModelChoiceField):
        # Named by a column of the model: as long as that column allows.
        column = field.queryset.model._meta.get_field(field.to_field_name or "pk")
        max_length = column.max_length
    elif isinstance(field, forms.ChoiceField):
        max_length = max(len(str(value)) for value, _label in field.choices)
    else:
        max_length = field.max_length
    return str, Field("", max_length=max_length, description=description)


EventFilters = create_model(
    "EventFilters",
    __base__=Schema,
    **{
        name: _query_field(TimelineFilterForm.base_fields[name], FILTER_DESCRIPTIONS.get(name, ""))
        for name in READER_FILTERS
    },
    after=(str, Field("", max_length=40, description="`next` of the previous page")),
    limit=(int, Field(settings.TIMELINE_PAGE_SIZE, ge=1, le=MAX_LIMIT)),
)


def _event_out(event: Event, places: list[str], actors: list[str]) -> dict:
    """An event as EventOut, with its places' and actors' names (linked_names)."""
    return {
        "id": event.pk,
        "title": event.title,
        "first_day": event.first_day,
        "last_day": event.last_day,
        "granularity": event.granularity,
        "kind": event.kind,
        "places": places,
        "actors": actors,
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


@api.get(
    "/events",
    response={200: EventPage, 400: ErrorOut},
    summary="Confirmed events in timeline order",
)
@decorate_view(cached_for_readers)
def list_events(request: HttpRequest, filters: Query[EventFilters]) -> dict:
    """The timeline's filters, as on `/`; ordered by (first day, id)."""
    data = {k: v for k, v in filters.dict().items() if k != "limit" and v not in ("", None)}
    try:
        # Readers' events whoever asks: the API answers the same to everyone.
        page = timeline_page(data, order=Order.TIMELINE, limit=filters.limit, strict=True)
    except BadFilters as error:
        raise HttpError(400, str(error)) from None
    places, actors = linked_names([event.pk for event in page.items])
    return {
        "items": [_event_out(e, places[e.pk], actors[e.pk]) for e in page.items],
        "next": page.next_cursor,
    }


@api.get(
    "/events/{event_id}",
    response={200: EventDetailOut, 400: ErrorOut, 404: ErrorOut},
    summary="One confirmed event",
)
@decorate_view(cached_for_readers)
def get_event(request: HttpRequest, event_id: int) -> dict:
    """The event with every excerpt that reports it, and its published stories."""
    event = get_object_or_404(Event.objects.public(), pk=event_id)
    places, actors = linked_names([event.pk])
    with connection.cursor() as cursor:
        cursor.execute(_SOURCES_SQL, [event.pk])
        sources = cursor.fetchall()
    return {
        **_event_out(event, places[event.pk], actors[event.pk]),
        "sources": [
            {
                "article_id": article_id,
                "article_title": title,
                "article_url": url_with_id("timeline:article", article_id),
                "published": published,
                "excerpt": excerpt,
            }
            for article_id, title, published, excerpt in sources
        ],
        "stories": [story.slug for story in published_stories(event)],
    }


# An event's sources in the order they were added: plain SQL, as for the cards
# (timeline/reader/cards_html.py), where a prefetch built and compiled a queryset.
_SOURCES_SQL = (
    "SELECT es.article_id, a.title, a.published, es.excerpt"
    f" FROM {EventSource._meta.db_table} es JOIN {Article._meta.db_table} a"
    " ON a.id = es.article_id WHERE es.event_id = %s ORDER BY es.id"
)


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
        Event.objects.public()
        .filter(sources__article=article)
        .order_by("id")
        .values_list("id", flat=True)
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
