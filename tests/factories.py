"""Builders of the test data the tests share: users of each role, and events.

Plain functions that create rows; each test file builds what it needs with them."""

from datetime import date, timedelta

from django.contrib.auth.models import Group, User

from timeline.access import EDITORS_GROUP
from timeline.models import Article, Event, EventSource, Mention


def make_editor(username: str = "editor", password: str | None = None) -> User:
    """No password unless asked for: hashing one costs a third of a second."""
    user = User.objects.create_user(username, password=password)
    user.groups.add(Group.objects.get_or_create(name=EDITORS_GROUP)[0])
    return user


def make_admin(username: str = "admin", password: str | None = None) -> User:
    return User.objects.create_superuser(username, password=password)


def make_reader(username: str = "reader", password: str | None = None) -> User:
    return User.objects.create_user(username, password=password)


_counter = iter(range(1, 1_000_000))


def make_event(
    title: str = "لقاء الوزيرين في إسطنبول",
    status: str = Event.Status.CANDIDATE,
    day: date = date(2025, 7, 25),
    sources: int = 1,
) -> Event:
    """An event with `sources` excerpts, each from its own article."""
    event = Event.objects.create(title=title, first_day=day, last_day=day, status=status)
    for _ in range(sources):
        n = next(_counter)
        article = Article.objects.create(
            title=f"مقال {n}",
            body=f"التقى الوزيران يوم الجمعة {n}.",
            content_hash=f"hash-{n}",
            published=date(2025, 7, 20),
            status=Article.Status.DONE,
        )
        start = article.body.index("يوم الجمعة")
        end = start + len("يوم الجمعة")
        mention = Mention.objects.create(
            article=article,
            start=start,
            end=end,
            text="يوم الجمعة",
            type=Mention.Type.DATE,
            value=day.isoformat(),
            first_day=day,
            last_day=day,
        )
        EventSource.objects.create(
            event=event,
            article=article,
            mention=mention,
            excerpt=article.body,
            highlight_start=start,
            highlight_end=end,
        )
    return event


def dated_event(
    title: str,
    first: date,
    last: date | None = None,
    granularity: str = "day",
    *,
    status: str = Event.Status.CONFIRMED,
    **fields,
) -> Event:
    """An event with no source: a confirmed day (or the period `first`–`last`)."""
    return Event.objects.create(
        title=title,
        first_day=first,
        last_day=last or first,
        granularity=granularity,
        status=status,
        **fields,
    )


def make_events(count: int, start: date = date(2000, 1, 1), **fields) -> list[Event]:
    """`count` confirmed one-day events a day apart, each reported by its own article."""
    fields.setdefault("status", Event.Status.CONFIRMED)
    events = Event.objects.bulk_create(
        Event(
            title=f"حدث رقم {n}",
            search_text=f"حدث رقم {n}",
            first_day=start + timedelta(days=n),
            last_day=start + timedelta(days=n),
            **fields,
        )
        for n in range(count)
    )
    tag = f"{start.isoformat()}-{count}"
    articles = Article.objects.bulk_create(
        Article(title=f"مقال {n}", body="التقيا يوم الأحد.", content_hash=f"{tag}-{n}")
        for n in range(count)
    )
    mentions = Mention.objects.bulk_create(
        Mention(article=a, start=6, end=15, text="يوم الأحد", type="DATE") for a in articles
    )
    EventSource.objects.bulk_create(
        EventSource(
            event=e, article=a, mention=m, excerpt=a.body, highlight_start=6, highlight_end=15
        )
        for e, a, m in zip(events, articles, mentions, strict=True)
    )
    return events
