"""Articles, the date expressions found in them, and the events they report."""

import functools
from collections import defaultdict
from typing import Any

from django.conf import settings
from django.db import connection, models, transaction
from django.db.models import F, Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from timeline.event_kinds import EventKind
from timeline.search import search_document
from timeline.text import normalise_for_matching


def _days_in_order(prefix: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(first_day__isnull=True)
        | Q(last_day__isnull=True)
        | Q(first_day__lte=F("last_day")),
        name=f"{prefix}_first_day_not_after_last_day",
    )


# A timeline page links each event two or three times (card, axis mark, panel) and
# each card's article: one reverse() per link was 460 of a page's 493 calls. These
# URLs are reversed once per name, script prefix and URL configuration, with a
# placeholder for the id.
_URL_ID = 9_999_999_999


@functools.cache
def _url_parts(name: str, script_prefix: str, urlconf: str) -> tuple[str, str]:
    head, _, tail = reverse(name, args=[_URL_ID], urlconf=urlconf).partition(str(_URL_ID))
    return head, tail


def url_with_id(name: str, pk: int) -> str:
    """reverse(name, args=[pk]) for a URL whose only argument is an id, without reversing."""
    head, tail = _url_parts(name, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
    return f"{head}{pk}{tail}"


class Source(models.Model):
    """Where articles come from: an outlet, a feed, or manual entry."""

    name = models.CharField(_("الاسم"), max_length=200, unique=True)
    url = models.URLField(_("الرابط"), blank=True)
    feed_url = models.URLField(
        _("رابط التغذية"), max_length=2000, blank=True, help_text=_("RSS أو Atom، يُستطلع دورياً")
    )
    active = models.BooleanField(_("نشط"), default=True)
    last_polled_at = models.DateTimeField(_("آخر استطلاع"), null=True, blank=True)
    # Sent back on the next poll so an unchanged feed costs one 304 response.
    feed_etag = models.CharField(max_length=500, blank=True, editable=False)
    feed_modified = models.CharField(max_length=100, blank=True, editable=False)
    last_error = models.TextField(_("آخر خطأ"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("مصدر")
        verbose_name_plural = _("المصادر")

    def __str__(self) -> str:
        return self.name


class Article(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("في الانتظار")
        PROCESSING = "processing", _("قيد المعالجة")
        DONE = "done", _("تمت المعالجة")
        FAILED = "failed", _("فشلت المعالجة")

    source = models.ForeignKey(
        Source, on_delete=models.SET_NULL, null=True, blank=True, related_name="articles"
    )
    title = models.CharField(_("العنوان"), max_length=500)
    body = models.TextField(_("النص"))
    url = models.URLField(_("الرابط"), max_length=2000, blank=True)
    published = models.DateField(_("تاريخ النشر"), null=True, blank=True)
    # SHA-256 of the normalised body: the same text ingested twice is one article.
    content_hash = models.CharField(max_length=64, unique=True, editable=False)
    status = models.CharField(
        _("الحالة"), max_length=16, choices=Status.choices, default=Status.QUEUED
    )
    error = models.TextField(_("الخطأ"), blank=True)
    extractor_version = models.CharField(max_length=32, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # When a worker took it; a claim older than ARTICLE_PROCESSING_TIMEOUT is abandoned.
    claimed_at = models.DateTimeField(null=True, blank=True)
    # A fencing token: each claim gets a new one, and only the worker holding the
    # current one may write the article's outcome (timeline/pipeline/extract.py).
    claim_token = models.UUIDField(null=True, blank=True, editable=False)
    processed_at = models.DateTimeField(null=True, blank=True)
    # The title folded by `search_document`, for search (timeline/search.py).
    search_text = models.TextField(blank=True, default="", editable=False)

    class Meta:
        ordering = ["-published", "-id"]
        verbose_name = _("مقال")
        verbose_name_plural = _("المقالات")
        constraints = [
            models.UniqueConstraint(
                fields=["url"], condition=~Q(url=""), name="article_url_unique_when_set"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "updated_at"]),
            # The API lists articles newest first, keyset-paginated.
            models.Index(fields=["-published", "-id"], name="article_published_keyset"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.search_text = search_document(self.title)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return url_with_id("timeline:article", self.pk)


class Mention(models.Model):
    """One temporal expression in an article, as the tagger found and resolved it."""

    class Type(models.TextChoices):
        DATE = "DATE", _("تاريخ")
        TIME = "TIME", _("وقت")
        DURATION = "DURATION", _("مدة")
        SET = "SET", _("تكرار")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mentions")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.CharField(max_length=300)
    type = models.CharField(max_length=8, choices=Type.choices)
    # None, as from the tagger: unresolved (no reference date) / no modifier.
    value = models.CharField(_("القيمة"), max_length=64, null=True, blank=True)  # noqa: DJ001
    mod = models.CharField(max_length=8, null=True, blank=True)  # noqa: DJ001
    first_day = models.DateField(null=True, blank=True)
    last_day = models.DateField(null=True, blank=True)
    anchored = models.BooleanField(default=False, help_text=_("القيمة محسوبة نسبةً إلى تاريخ النشر"))

    class Meta:
        ordering = ["article", "start"]
        verbose_name = _("تعبير زمني")
        verbose_name_plural = _("التعبيرات الزمنية")
        constraints = [
            models.UniqueConstraint(fields=["article", "start", "end"], name="mention_span_unique"),
            models.CheckConstraint(condition=Q(start__lt=F("end")), name="mention_span_not_empty"),
            _days_in_order("mention"),
        ]

    def __str__(self) -> str:
        return f"{self.text} → {self.value or '?'}"

    def get_absolute_url(self) -> str:
        return f"{self.article.get_absolute_url()}#mention-{self.pk}"


class Place(models.Model):
    """A country, city or region of the gazetteer (`timeline/lexicon/places.py`)."""

    name = models.CharField(_("الاسم"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("مكان")
        verbose_name_plural = _("الأماكن")

    def __str__(self) -> str:
        return self.name


class Actor(models.Model):
    """A person, organisation or state that acts or is acted on in events.

    One row per real actor; every spelling and title that names it
    («بوتين», «فلاديمير بوتين», «الرئيس الروسي») is an alias, so merging two rows in
    the admin merges their aliases and events.
    """

    class Type(models.TextChoices):
        PERSON = "person", _("شخص")
        ORGANISATION = "organisation", _("منظمة")
        STATE = "state", _("دولة")

    name = models.CharField(_("الاسم"), max_length=200, unique=True)
    type = models.CharField(_("النوع"), max_length=16, choices=Type.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("فاعل")
        verbose_name_plural = _("الفاعلون")

    def __str__(self) -> str:
        return self.name

    def name_in(self, folded_text: str) -> str:
        """The actor as a text names it: its display name if the text spells it, else
        the longest of its other names the text spells («بوتن»), else the display name.

        `folded_text` is the text folded by `normalise_for_matching` (fold it once for
        all the actors of an article). Reads `aliases`: prefetch them.
        """
        if normalise_for_matching(self.name) in folded_text:
            return self.name
        written = [a.name for a in self.aliases.all() if a.folded and a.folded in folded_text]
        return max(written, key=len) if written else self.name


class ActorAlias(models.Model):
    """One way of naming an actor; a folded spelling names one actor only."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(_("الاسم"), max_length=200)
    folded = models.CharField(max_length=200, unique=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("اسم آخر")
        verbose_name_plural = _("أسماء أخرى")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.folded = normalise_for_matching(self.name)
        super().save(*args, **kwargs)


# Who may review: see unconfirmed events, confirm, correct, annotate (timeline/access.py).
# The «Editors» group holds it (migration 0012, and timeline/apps.py after every migrate).
REVIEW_PERMISSION = "timeline.review_event"


def visible_statuses(user) -> tuple[str, ...] | None:
    """The statuses of the events `user` may see (None: every status); no user: a reader.
    `EventQuerySet.visible_to` and the axis's counts (timeline/event_counts.py) read it."""
    if user is not None and user.has_perm(REVIEW_PERMISSION):
        return None
    return (Event.Status.CONFIRMED,)


class EventQuerySet(models.QuerySet):
    """The events a reader may see, and the order the timeline walks them in."""

    def public(self) -> "EventQuerySet":
        """What readers see: confirmed events."""
        return self.filter(status=Event.Status.CONFIRMED)

    def visible_to(self, user) -> "EventQuerySet":
        """Reviewers see every event; everyone else the public ones."""
        return self if visible_statuses(user) is None else self.public()

    def in_timeline_order(self) -> "EventQuerySet":
        """Oldest first, by (first_day, id): the axis's order and the API's."""
        return self.order_by("first_day", "id")

    def machine_made(self) -> "EventQuerySet":
        """Events no person has touched: extraction may rewrite or drop them."""
        return self.filter(**MACHINE_MADE)


class Event(models.Model):
    class Status(models.TextChoices):
        CANDIDATE = "candidate", _("مقترح")
        CONFIRMED = "confirmed", _("مؤكد")
        REJECTED = "rejected", _("مرفوض")

    class Granularity(models.TextChoices):
        DAY = "day", _("يوم")
        WEEK = "week", _("أسبوع")
        MONTH = "month", _("شهر")
        SEASON = "season", _("فصل")
        QUARTER = "quarter", _("ربع سنة")
        YEAR = "year", _("سنة")
        DECADE = "decade", _("عقد")
        CENTURY = "century", _("قرن")

    class Mod(models.TextChoices):
        START = "START", _("بداية")
        MID = "MID", _("منتصف")
        END = "END", _("نهاية")
        APPROX = "APPROX", _("نحو")

    title = models.CharField(_("العنوان"), max_length=300)
    first_day = models.DateField(_("اليوم الأول"))
    last_day = models.DateField(_("اليوم الأخير"))
    granularity = models.CharField(
        _("الدقة"), max_length=8, choices=Granularity.choices, default=Granularity.DAY
    )
    mod = models.CharField(max_length=8, choices=Mod.choices, null=True, blank=True)  # noqa: DJ001
    kind = models.CharField(
        _("النوع"), max_length=16, choices=EventKind.choices, default=EventKind.OTHER
    )
    places = models.ManyToManyField(Place, blank=True, related_name="events")
    actors = models.ManyToManyField(Actor, blank=True, related_name="events")
    # How central the event is to the articles that report it (0–1): the highest
    # is the main event of an article, the one its headline and lead report.
    salience = models.FloatField(_("الأهمية"), default=0.0)
    status = models.CharField(
        _("الحالة"), max_length=16, choices=Status.choices, default=Status.CANDIDATE
    )
    # Set when a person edits the event: re-extraction then leaves it alone.
    edited_by_editor = models.BooleanField(_("عدّله محرر"), default=False)
    # The title, places, actors and excerpts folded by `timeline.search.search_document`
    # (save() folds the title; timeline/search_index.py adds the rest), so that
    # «اسطنبول» finds «إسطنبول» and «مفاوضات» finds «المفاوضات» in an excerpt.
    search_text = models.TextField(blank=True, default="", editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Who changed what and when; the pipeline's bulk writes are the machine's and
    # leave no record.
    history = HistoricalRecords(excluded_fields=["search_text", "updated_at"])

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["first_day", "id"]
        verbose_name = _("حدث")
        verbose_name_plural = _("الأحداث")
        permissions = [("review_event", _("مراجعة الأحداث"))]
        constraints = [_days_in_order("event")]
        # The timeline pages walk these in (first_day, id) order: one index per filter
        # that narrows a page, so a page costs the same however many events there are.
        indexes = [
            models.Index(fields=["status", "first_day", "id"]),
            models.Index(
                fields=["status", "kind", "first_day", "id"], name="event_status_kind_keyset"
            ),
            # Extraction looks up the events of one period to find the one reported again.
            models.Index(fields=["first_day", "last_day", "granularity"], name="event_period"),
            # The reader's news order (reader_filters.NEWS_ORDER) and the review queue's.
            models.Index(
                fields=["status", "-first_day", "-salience", "-id"], name="event_news_order"
            ),
            # What changed since an open page was rendered (timeline/reader/live.py).
            models.Index(fields=["status", "updated_at"], name="event_status_updated"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.search_text = search_document(self.title)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return url_with_id("timeline:event", self.pk)

    @property
    def is_machine_made(self) -> bool:
        """A candidate no editor edited (`machine_made()` for a queryset)."""
        return all(getattr(self, field) == value for field, value in MACHINE_MADE.items())


# An event belongs to the machine until a person confirms, rejects or edits it (the
# actions in timeline/actions.py mark it); then re-extraction leaves it alone.
MACHINE_MADE = {"status": Event.Status.CANDIDATE, "edited_by_editor": False}


class EventDayCount(models.Model):
    """How many events have these first and last days, kind and status.

    Kept exact by the database itself: triggers on timeline_event (migration 0015)
    count every INSERT, UPDATE and DELETE, whoever writes it (the actions, bulk
    updates, raw SQL such as `fill_events --sql`). The axis counts a window from
    here instead of grouping its events (timeline/event_counts.py);
    `manage.py event_counts` verifies or rebuilds it. Never written by the app.
    """

    pk = models.CompositePrimaryKey("first_day", "last_day", "kind", "status")
    first_day = models.DateField()
    last_day = models.DateField()
    kind = models.CharField(max_length=16)
    status = models.CharField(max_length=16)
    n = models.PositiveIntegerField()

    class Meta:
        verbose_name = "event day count"
        indexes = [
            # What began before a window and reaches into it spans several days: these
            # rows are few, so the axis's lookback reads them alone.
            models.Index(
                fields=["first_day", "last_day"],
                condition=Q(first_day__lt=F("last_day")),
                name="event_day_count_spans",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first_day}–{self.last_day} {self.kind} {self.status}: {self.n}"


class EventMonthCount(models.Model):
    """How many events begin in this month (its first day), of this kind and status:
    EventDayCount summed by month, kept exact by the same triggers."""

    pk = models.CompositePrimaryKey("month", "kind", "status")
    month = models.DateField()
    kind = models.CharField(max_length=16)
    status = models.CharField(max_length=16)
    n = models.PositiveIntegerField()

    class Meta:
        verbose_name = "event month count"

    def __str__(self) -> str:
        return f"{self.month} {self.kind} {self.status}: {self.n}"


class EventSource(models.Model):
    """An article's report of an event: the sentence and the date expression in it."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sources")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="event_sources")
    mention = models.ForeignKey(Mention, on_delete=models.CASCADE, related_name="event_sources")
    excerpt = models.TextField(_("المقتطف"))
    # Where the date expression sits inside `excerpt`, for highlighting.
    highlight_start = models.PositiveIntegerField()
    highlight_end = models.PositiveIntegerField()
    # How central the event is to this article (see Event.salience).
    salience = models.FloatField(default=0.0)

    class Meta:
        ordering = ["article__published", "id"]
        verbose_name = _("مصدر الحدث")
        verbose_name_plural = _("مصادر الأحداث")
        constraints = [
            models.UniqueConstraint(fields=["mention"], name="event_source_one_per_mention"),
            models.CheckConstraint(
                condition=Q(highlight_start__lt=F("highlight_end")),
                name="event_source_highlight_not_empty",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.article} → {self.event}"

    @property
    def excerpt_parts(self) -> tuple[str, str, str]:
        """The excerpt as (before, date expression, after), for highlighting."""
        return (
            self.excerpt[: self.highlight_start],
            self.excerpt[self.highlight_start : self.highlight_end],
            self.excerpt[self.highlight_end :],
        )


class Story(models.Model):
    """A published thread of events readers follow, e.g. «الملف النووي الإيراني»."""

    title = models.CharField(_("العنوان"), max_length=300)
    slug = models.SlugField(_("المعرّف في الرابط"), max_length=200, unique=True, allow_unicode=True)
    description = models.TextField(_("الوصف"), blank=True)
    published = models.BooleanField(_("منشورة"), default=False)
    events = models.ManyToManyField(Event, blank=True, related_name="stories")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["title"]
        verbose_name = _("قصة")
        verbose_name_plural = _("القصص")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("timeline:story", args=[self.slug])


# Long enough for any note an editor writes, short enough that rendering one (as
# Markdown, on every uncached page view) stays cheap.
ANNOTATION_MAX_CHARS = 10_000


class Annotation(models.Model):
    """An editor's note on an event: public (readers see it) or internal (editors only)."""

    class Format(models.TextChoices):
        PLAIN = "plain", _("نص عادي")
        MARKDOWN = "markdown", _("ماركداون محدود")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="annotations")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="annotations"
    )
    text = models.TextField(_("النص"), max_length=ANNOTATION_MAX_CHARS)
    format = models.CharField(
        _("الصيغة"), max_length=8, choices=Format.choices, default=Format.PLAIN
    )
    public = models.BooleanField(
        _("عامة"), default=False, help_text=_("تظهر للقراء على الخط الزمني؛ وإلا فللمحررين فقط.")
    )
    created_at = models.DateTimeField(_("أُنشئت"), auto_now_add=True)
    updated_at = models.DateTimeField(_("عُدّلت"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("ملاحظة")
        verbose_name_plural = _("الملاحظات")

    def __str__(self) -> str:
        return self.text[:60]


def _image_path(image: "EventImage", filename: str) -> str:
    return f"events/{image.event_id}/{filename}"


class EventImage(models.Model):
    """A picture of an event, as the pages serve it: WebP files at web widths.

    Made by `timeline.actions.add_event_image` from an upload or a URL fetched once
    (`timeline/images.py` checks and re-encodes it). `file` is the widest rendition;
    `renditions` lists every width ({"name", "width", "height"}, smallest first) for
    `srcset`. Caption, credit and alt text are required.
    """

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="images")
    file = models.FileField(_("الملف"), upload_to=_image_path, max_length=300)
    width = models.PositiveIntegerField(_("العرض"))
    height = models.PositiveIntegerField(_("الارتفاع"))
    renditions = models.JSONField(default=list, editable=False)
    caption = models.CharField(_("التعليق"), max_length=300)
    credit = models.CharField(_("المصدر والحقوق"), max_length=200)
    alt_text = models.CharField(
        _("النص البديل"), max_length=300, help_text=_("ما في الصورة، لمن لا يراها.")
    )
    # Where it was fetched from, when it came by URL (fetched once, never at render time).
    source_url = models.URLField(_("رابط الأصل"), max_length=2000, blank=True)
    position = models.PositiveIntegerField(_("الترتيب"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("أضافها"),
    )
    created_at = models.DateTimeField(_("أُضيفت"), auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["renditions"])

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("صورة")
        verbose_name_plural = _("الصور")

    def __str__(self) -> str:
        return self.caption[:60]

    def _url(self, name: str) -> str:
        return self.file.storage.url(name)

    @property
    def url(self) -> str:
        """The widest rendition."""
        return self.file.url

    @property
    def small_url(self) -> str:
        return self._url(self.renditions[0]["name"]) if self.renditions else self.file.url

    @property
    def srcset(self) -> str:
        return ", ".join(f"{self._url(r['name'])} {r['width']}w" for r in self.renditions)

    def stored_names(self) -> list[str]:
        return list(dict.fromkeys([self.file.name, *(r["name"] for r in self.renditions)]))


def event_images(events: list[Event], *fields: str) -> dict[int, list[EventImage]]:
    """Event id → its images in their order, for the events that have some: one
    query, its rows grouped here (prefetch_related built a manager and a queryset for
    each event, 500 of them in a TimelineJS document). `fields`: only these (and the
    ids) are read, the rest deferred; none, every field. Plain SQL: the queryset took
    longer to build and compile than to run, and QuerySet.raw another 0.2 ms to set
    up even when no row came back (most pages: most events have no image)."""
    images: dict[int, list[EventImage]] = {}
    if not events:
        return images
    meta = EventImage._meta
    wanted = {"id", "event", *fields}
    chosen = [field for field in meta.concrete_fields if not fields or field.name in wanted]
    ids: list[int] = [event.pk for event in events]
    # PostgreSQL takes the ids as one array: an IN list of a TimelineJS document's
    # 500 ids cost more to send and plan than the query.
    params: list[Any] = list(ids)
    where = f"IN ({', '.join(['%s'] * len(ids))})"
    if connection.vendor == "postgresql":
        where, params = "= ANY(%s)", [ids]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {', '.join(str(field.column) for field in chosen)} FROM {meta.db_table}"
            f" WHERE event_id {where} ORDER BY position, id",
            params,
        )
        rows = cursor.fetchall()
    if not rows:
        return images
    # Each value as the ORM converts it on its way from the database (the renditions'
    # JSON decoded): the database's converters, then the field's, as a queryset does.
    columns = [field.get_col(meta.db_table) for field in chosen]
    converters = [
        (
            n,
            column,
            [*connection.ops.get_db_converters(column), *column.get_db_converters(connection)],
        )
        for n, column in enumerate(columns)
    ]
    names = [str(field.attname) for field in chosen]
    for row in rows:
        values = list(row)
        for n, column, functions in converters:
            for convert in functions:
                values[n] = convert(values[n], column, connection)
        image = EventImage.from_db(connection.alias, names, values)
        images.setdefault(image.event_id, []).append(image)
    return images


def first_images(events: list[Event], *fields: str) -> dict[int, EventImage]:
    """Event id → its first image, for the events that have one (`event_images`)."""
    return {event_id: images[0] for event_id, images in event_images(events, *fields).items()}


# What an event's page shows of the articles that report it.
_EXCERPT_ARTICLE_FIELDS = ("id", "title", "published")


def event_sources(event: Event) -> list[EventSource]:
    """The event's sources in the order they were added, each with its article's id,
    title and day (the rest of the article deferred, as `defer` leaves it): one plain
    statement, where the queryset (select_related, defer) took longer to build and
    compile than to run. Rows become models through `Model.from_db`, as querysets'."""
    source_fields = [field.attname for field in EventSource._meta.concrete_fields]
    article_fields = [
        field.attname
        for field in Article._meta.concrete_fields
        if field.attname in _EXCERPT_ARTICLE_FIELDS
    ]
    sql = (
        f"SELECT {', '.join(f'es.{field.column}' for field in EventSource._meta.concrete_fields)},"
        f" {', '.join(f'a.{name}' for name in article_fields)}"
        f" FROM {EventSource._meta.db_table} es JOIN {Article._meta.db_table} a"
        " ON a.id = es.article_id WHERE es.event_id = %s ORDER BY es.id"
    )
    sources = []
    with connection.cursor() as cursor:
        cursor.execute(sql, [event.pk])
        for row in cursor.fetchall():
            source = EventSource.from_db(connection.alias, source_fields, row[: len(source_fields)])
            source.article = Article.from_db(
                connection.alias, article_fields, row[len(source_fields) :]
            )
            sources.append(source)
    return sources


def published_stories(event: Event) -> list[Story]:
    """The event's published stories in their order (by title), with their titles and
    slugs only (a story's URL is its slug's). Plain SQL, as `event_images`; text and
    ids need no conversion on their way from the database."""
    links, meta = Story.events.through._meta, Story._meta
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT story.id, story.title, story.slug FROM {links.db_table} link"
            f" JOIN {meta.db_table} story ON story.id = link.story_id"
            " WHERE link.event_id = %s AND story.published ORDER BY story.title",
            [event.pk],
        )
        rows = cursor.fetchall()
    return [Story.from_db(connection.alias, ["id", "title", "slug"], row) for row in rows]


# The places' and actors' names of some events, in one query: the names of each in
# alphabetical order (their models' ordering). {ids}: the events' placeholders.
_LINKED_NAMES_SQL = (
    " UNION ALL ".join(
        f"SELECT link.event_id, {n}, linked.name FROM {links._meta.db_table} link"
        f" JOIN {model._meta.db_table} linked ON linked.id = link.{column}"
        " WHERE link.event_id IN ({ids})"
        for n, (links, model, column) in enumerate(
            [
                (Event.places.through, Place, "place_id"),
                (Event.actors.through, Actor, "actor_id"),
            ]
        )
    )
    + " ORDER BY 3"
)


def linked_names(event_ids: list[int]) -> tuple[dict[int, list[str]], dict[int, list[str]]]:
    """Event id → its places' names, and event id → its actors' names, alphabetical.
    One plain query: a prefetch (or a query each) built and compiled two querysets."""
    places: dict[int, list[str]] = defaultdict(list)
    actors: dict[int, list[str]] = defaultdict(list)
    if not event_ids:
        return places, actors
    ids = ", ".join(["%s"] * len(event_ids))
    with connection.cursor() as cursor:
        cursor.execute(_LINKED_NAMES_SQL.format(ids=ids), [*event_ids, *event_ids])
        for event_id, n, name in cursor.fetchall():
            (actors if n else places)[event_id].append(name)
    return places, actors


@receiver(post_delete, sender=EventImage, dispatch_uid="event-image-files")
def _delete_image_files(sender, instance: EventImage, **kwargs) -> None:
    """An image's files go with its row (removed, in the admin, or with its event),
    once the deletion is committed."""
    storage, names = instance.file.storage, instance.stored_names()

    def delete_files() -> None:
        for name in names:
            if name:
                storage.delete(name)

    transaction.on_commit(delete_files)


class TaskFailure(models.Model):
    """A Celery task that raised, recorded by the worker so the admin shows it."""

    task_name = models.CharField(_("المهمة"), max_length=200)
    task_id = models.CharField(max_length=64, blank=True)
    arguments = models.TextField(_("المعطيات"), blank=True)
    error = models.TextField(_("الخطأ"))
    traceback = models.TextField(blank=True)
    created_at = models.DateTimeField(_("الوقت"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("فشل مهمة")
        verbose_name_plural = _("إخفاقات المهام")

    def __str__(self) -> str:
        return f"{self.task_name}: {self.error[:60]}"
