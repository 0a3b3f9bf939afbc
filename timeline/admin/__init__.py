"""The Django admin, in Arabic and right to left, made for curation.

Searches fold diacritics and letter variants on both sides (so «اسطنبول» finds
«إسطنبول»); events are confirmed, rejected, merged and put in stories in bulk;
articles are re-extracted; provenance (sources, mentions, history) is read-only.
"""

from collections.abc import Callable

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.db.models import Count, F, Func, Q, QuerySet, Value
from django.db.models.functions import Replace
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext
from simple_history.admin import SimpleHistoryAdmin

from timeline.actions import (
    add_to_story,
    announce_change,
    confirmed_message,
    correct_event,
    delete_annotation,
    delete_events,
    delete_story,
    merge_actors,
    merge_events,
    rejected_message,
    save_annotation,
    save_story,
    set_status,
)
from timeline.admin.filters import DateRange
from timeline.models import (
    Actor,
    ActorAlias,
    Annotation,
    Article,
    Event,
    EventImage,
    EventSource,
    Mention,
    Place,
    Source,
    Story,
)
from timeline.pipeline.extract import requeue_article
from timeline.pipeline.ingest import content_hash
from timeline.pipeline.tasks import poll_source
from timeline.reader.annotation_text import render_annotation
from timeline.reader.highlight import split_by_spans
from timeline.search import search
from timeline.temporal import normalise_arabic
from timeline.text import normalise_for_matching

admin.site.site_header = _("إدارة الخط الزمني")
admin.site.site_title = _("إدارة الخط الزمني")
admin.site.index_title = _("التحرير والتنظيم")


def _folding_table() -> list[tuple[str, str]]:
    """The letter variants `normalise_arabic` unifies, and the marks it deletes.

    Derived from that one definition of «the same spelling», not copied from it,
    but limited to the harakat, superscript alef and tatweel: SQLite's parser
    refuses expressions nested much deeper than this.
    """
    letters = [(chr(c), normalise_arabic(chr(c))) for c in range(0x0621, 0x06D6)]
    letters = [(char, to) for char, to in letters if not to.isascii()]  # digits: no need
    marks = [*range(0x064B, 0x0653), 0x0670, 0x0640]
    table = [(char, to) for char, to in letters if len(to) == 1 and to != char]
    table += [(chr(c), normalise_arabic(chr(c))) for c in marks]
    return [(char, to) for char, to in table if to != char]


FOLDING = _folding_table()


def folded(field: str) -> Func:
    """The column folded in the database the way `normalise_for_matching` folds text.

    For admin searches on short columns (titles, names): one Replace per folded
    character, the same on SQLite and PostgreSQL.
    """
    expression: Func = F(field)
    for char, to in FOLDING:
        expression = Replace(expression, Value(char), Value(to))
    return expression


class FoldedSearchMixin:
    """Admin search that ignores diacritics and letter variants.

    `folded_search_fields` name short text columns folded in the database;
    `search_text_field` names a column that is already stored folded. The admin's
    own `search_fields` (plain, case-insensitive) still apply alongside.
    """

    folded_search_fields: tuple[str, ...] = ()
    search_text_field: str | None = None

    def get_search_results(self, request, queryset, search_term):
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        words = normalise_for_matching(search_term).split()
        if not words:
            return results, may_have_duplicates
        match = Q()
        for word in words[:10]:
            any_column = Q()
            if self.search_text_field:
                any_column |= Q(**{f"{self.search_text_field}__contains": word})
            for index, _field in enumerate(self.folded_search_fields):
                any_column |= Q(**{f"_folded_{index}__contains": word})
            match &= any_column
        annotated = queryset.alias(
            **{f"_folded_{i}": folded(f) for i, f in enumerate(self.folded_search_fields)}
        )
        return results | annotated.filter(match), may_have_duplicates


class AnnouncesChanges:
    """For models readers see whose admin pages save them as Django does (a place's
    or an actor's name, a source's excerpt): the change is announced to readers,
    as timeline/actions.py announces its own."""

    def save_model(self, request: HttpRequest, obj, form, change: bool) -> None:
        super().save_model(request, obj, form, change)
        announce_change()

    def delete_model(self, request: HttpRequest, obj) -> None:
        super().delete_model(request, obj)
        announce_change()

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        super().delete_queryset(request, queryset)
        announce_change()


@admin.register(Source)
class SourceAdmin(FoldedSearchMixin, admin.ModelAdmin):
    folded_search_fields = ("name",)
    list_display = ["name", "feed_url", "active", "article_count", "last_polled_at", "last_error"]
    list_filter = ["active"]
    search_fields = ["name", "url", "feed_url"]
    readonly_fields = ["last_polled_at", "last_error"]
    actions = ["poll_now"]

    @admin.action(description=_("استطلاع تغذيات المصادر المحددة الآن"))
    def poll_now(self, request: HttpRequest, queryset: QuerySet[Source]) -> None:
        ids = list(queryset.filter(active=True).exclude(feed_url="").values_list("pk", flat=True))
        for source_id in ids:
            poll_source.delay_on_commit(source_id)
        self.message_user(
            request,
            ngettext("أُرسل مصدر واحد للاستطلاع.", "أُرسل %(count)d مصدر للاستطلاع.", len(ids))
            % {"count": len(ids)},
            messages.SUCCESS,
        )

    def get_queryset(self, request: HttpRequest) -> QuerySet[Source]:
        return super().get_queryset(request).annotate(_article_count=Count("articles"))

    @admin.display(description=_("عدد المقالات"), ordering="_article_count")
    def article_count(self, source: Source) -> int:
        return source._article_count


class ArticleAdminForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = ["source", "title", "body", "url", "published"]

    def clean_body(self) -> str:
        body = self.cleaned_data["body"]
        if len(body) > settings.ARTICLE_MAX_CHARS:
            raise forms.ValidationError(_("النص أطول من الحد المسموح."))
        same = Article.objects.filter(content_hash=content_hash(body)).exclude(pk=self.instance.pk)
        if same.exists():
            raise forms.ValidationError(_("هذا النص محفوظ من قبل في مقال آخر."))
        return body


class MissingPublishedFilter(admin.SimpleListFilter):
    """Articles without a publication date: their relative dates are unresolved."""

    title = _("تاريخ النشر")
    parameter_name = "published_missing"

    def lookups(self, request: HttpRequest, model_admin) -> list[tuple[str, str]]:
        return [("yes", _("بلا تاريخ نشر")), ("no", _("له تاريخ نشر"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Article]) -> QuerySet[Article]:
        if self.value() == "yes":
            return queryset.filter(published__isnull=True)
        if self.value() == "no":
            return queryset.filter(published__isnull=False)
        return queryset


class ProvenanceInline(admin.TabularInline):
    """Rows the machine made: shown for curation, never added or removed here."""

    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class MentionInline(ProvenanceInline):
    model = Mention
    fields = ["text", "type", "value", "mod", "first_day", "last_day", "anchored", "start", "end"]
    readonly_fields = fields


class ArticleEventSourceInline(ProvenanceInline):
    """The events this article reports, through which sentence (read-only provenance)."""

    model = EventSource
    fields = ["event", "mention", "excerpt"]
    readonly_fields = fields
    verbose_name_plural = _("الأحداث التي يرويها المقال")


@admin.register(Article)
class ArticleAdmin(FoldedSearchMixin, admin.ModelAdmin):
    list_display = ["title", "source", "published", "status", "mention_count", "created_at"]
    list_filter = [
        "status",
        "source",
        "extractor_version",
        MissingPublishedFilter,
        ("published", DateRange),
    ]
    search_fields = ["title", "body", "url"]
    folded_search_fields = ("title",)
    readonly_fields = [
        "highlighted_body",
        "content_hash",
        "status",
        "error",
        "extractor_version",
        "processed_at",
    ]
    list_select_related = ["source"]
    inlines = [MentionInline, ArticleEventSourceInline]

    @admin.display(description=_("النص وتعبيراته الزمنية"))
    def highlighted_body(self, article: Article) -> SafeString:
        """The body with every mention marked; every piece of text is escaped."""
        if not article.pk:
            return SafeString("")
        paragraphs = split_by_spans(article.body, list(article.mentions.all()))
        return render_to_string("admin/timeline/highlighted_body.html", {"paragraphs": paragraphs})

    actions = ["reextract", "retry_failed"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Article]:
        return super().get_queryset(request).annotate(_mention_count=Count("mentions"))

    @admin.display(description=_("التعبيرات الزمنية"), ordering="_mention_count")
    def mention_count(self, article: Article) -> int:
        return article._mention_count

    form = ArticleAdminForm

    def save_model(self, request: HttpRequest, obj: Article, form, change: bool) -> None:
        obj.content_hash = content_hash(obj.body)
        super().save_model(request, obj, form, change)
        if not change or {"published", "body"} & set(form.changed_data):
            requeue_article(obj)

    @admin.action(description=_("إعادة استخراج التواريخ من المقالات المحددة"))
    def reextract(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        self._requeue(request, queryset.exclude(status=Article.Status.PROCESSING))

    @admin.action(description=_("إعادة محاولة المقالات التي فشلت"))
    def retry_failed(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        self._requeue(request, queryset.filter(status=Article.Status.FAILED))

    def _requeue(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        articles = list(queryset)
        for article in articles:
            requeue_article(article)
        self.message_user(
            request,
            ngettext(
                "أُرسل مقال واحد لإعادة الاستخراج.",
                "أُرسل %(count)d مقال لإعادة الاستخراج.",
                len(articles),
            )
            % {"count": len(articles)},
            messages.SUCCESS,
        )


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ["text", "type", "value", "mod", "first_day", "last_day", "anchored", "article"]
    list_filter = ["type", "mod", "anchored"]
    search_fields = ["text", "value", "article__title"]
    list_select_related = ["article"]
    raw_id_fields = ["article"]


class EventSourceInline(ProvenanceInline):
    model = EventSource
    fields = ["article", "mention", "excerpt"]
    readonly_fields = fields


class AnnotationInline(admin.StackedInline):
    model = Annotation
    fields = ["text", "format", "public", "author", "rendered", "created_at"]
    readonly_fields = ["author", "rendered", "created_at"]
    extra = 0

    @admin.display(description=_("كما يراها القارئ"))
    def rendered(self, annotation: Annotation) -> SafeString:
        return render_annotation(annotation) if annotation.pk else SafeString("")


class EventImageInline(admin.TabularInline):
    """Captions, credits, alt texts and order; images are added from the event page,
    where the file is checked and re-encoded (timeline/images.py)."""

    model = EventImage
    fields = ["preview", "caption", "credit", "alt_text", "position", "created_by", "created_at"]
    readonly_fields = ["preview", "created_by", "created_at"]
    extra = 0

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    @admin.display(description=_("الصورة"))
    def preview(self, image: EventImage) -> SafeString:
        return format_html(
            '<img src="{}" alt="{}" width="160" loading="lazy">', image.small_url, image.alt_text
        )


class EventSourceFilter(admin.SimpleListFilter):
    """Events reported by articles from one source (outlet or feed)."""

    title = _("المصدر")
    parameter_name = "source"

    def lookups(self, request: HttpRequest, model_admin) -> list[tuple[str, str]]:
        return [(str(source.pk), source.name) for source in Source.objects.all()]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Event]) -> QuerySet[Event]:
        if self.value() and self.value().isascii() and self.value().isdigit():
            return queryset.filter(sources__article__source_id=int(self.value())).distinct()
        return queryset


@admin.register(Event)
class EventAdmin(FoldedSearchMixin, SimpleHistoryAdmin):
    list_display = [
        "title",
        "first_day",
        "last_day",
        "granularity",
        "kind",
        "status",
        "edited_by_editor",
        "source_count",
    ]
    list_filter = [
        "status",
        "kind",
        "granularity",
        "mod",
        "edited_by_editor",
        EventSourceFilter,
        "stories",
        "places",
        ("first_day", DateRange),
    ]
    filter_horizontal = ["places"]
    autocomplete_fields = ["actors"]
    search_fields = ["title"]  # shows the search box; the search itself is below
    readonly_fields = ["edited_by_editor", "created_at", "updated_at"]
    inlines = [EventSourceInline, AnnotationInline, EventImageInline]
    actions = ["confirm", "reject", "merge"]
    list_per_page = 50

    def get_queryset(self, request: HttpRequest) -> QuerySet[Event]:
        return super().get_queryset(request).annotate(_source_count=Count("sources"))

    def get_search_results(self, request, queryset, search_term):
        # The readers' search (timeline/search.py): title, places and excerpts, folded
        # and without clitics, the same rows on SQLite and PostgreSQL. No plain
        # icontains beside it: that one depends on the database and the hamza.
        return search(queryset, search_term), False

    @admin.display(description=_("عدد المصادر"), ordering="_source_count")
    def source_count(self, event: Event) -> int:
        return event._source_count

    def save_model(self, request: HttpRequest, obj: Event, form, change: bool) -> None:
        if change:
            # Re-extraction never overwrites what a person changed.
            correct_event(obj)
        else:
            obj.save()

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        announce_change()  # places, actors

    def delete_model(self, request: HttpRequest, obj: Event) -> None:
        delete_events([obj])

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        delete_events(queryset)

    def save_formset(self, request: HttpRequest, form, formset, change: bool) -> None:
        # Annotations through their actions; the images' captions and order as they are
        # (save_related then announces the change).
        for instance in formset.save(commit=False):
            if isinstance(instance, Annotation):
                save_annotation(instance, author=request.user)
            else:
                instance.save()
        for deleted in formset.deleted_objects:
            if isinstance(deleted, Annotation):
                delete_annotation(deleted)
            else:
                deleted.delete()
        formset.save_m2m()

    def get_actions(
        self, request: HttpRequest, action_location=admin.ActionLocation.CHANGE_LIST
    ) -> dict:
        """The fixed actions, and one «add to story» per story (no intermediate page)."""
        actions = super().get_actions(request, action_location=action_location)
        if action_location != admin.ActionLocation.CHANGE_LIST:
            return actions
        for story in Story.objects.only("pk", "title")[:50]:
            action = self.get_action(_add_to_story_action(story), action_location)
            if action is not None:
                actions[action.name] = action
        return actions

    @admin.action(description=_("تأكيد الأحداث المحددة"))
    def confirm(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        count = set_status(queryset, Event.Status.CONFIRMED, request.user)
        self.message_user(request, confirmed_message(count), messages.SUCCESS)

    @admin.action(description=_("رفض الأحداث المحددة"))
    def reject(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        count = set_status(queryset, Event.Status.REJECTED, request.user)
        self.message_user(request, rejected_message(count), messages.SUCCESS)

    @admin.action(description=_("دمج الأحداث المحددة في حدث واحد"))
    def merge(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        events = list(queryset)
        if len(events) < 2:
            self.message_user(request, _("الدمج يحتاج إلى حدثين على الأقل."), messages.ERROR)
            return
        merged = merge_events(events)
        self.message_user(
            request,
            ngettext(
                "دُمج حدث واحد في «%(title)s».", "دُمج %(count)d حدث في «%(title)s».", len(events)
            )
            % {"count": len(events), "title": merged.title},
            messages.SUCCESS,
        )


def _add_to_story_action(story: Story) -> Callable:
    """An admin action that adds the selected events to `story`."""

    def add(modeladmin: EventAdmin, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        events = list(queryset)
        add_to_story(story, events)
        modeladmin.message_user(
            request,
            ngettext(
                "أُضيف حدث واحد إلى «%(title)s».",
                "أُضيف %(count)d حدث إلى «%(title)s».",
                len(events),
            )
            % {"count": len(events), "title": story.title},
            messages.SUCCESS,
        )

    add.__name__ = f"add_to_story_{story.pk}"
    add.short_description = _("إضافة المحدد إلى القصة «%(title)s»") % {"title": story.title}
    return add


@admin.register(Story)
class StoryAdmin(FoldedSearchMixin, SimpleHistoryAdmin):
    list_display = ["title", "slug", "published", "event_count", "updated_at"]
    list_filter = ["published"]
    search_fields = ["title", "slug", "description"]
    folded_search_fields = ("title",)
    prepopulated_fields = {"slug": ["title"]}
    raw_id_fields = ["events"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Story]:
        return super().get_queryset(request).annotate(_event_count=Count("events"))

    def save_model(self, request: HttpRequest, obj: Story, form, change: bool) -> None:
        save_story(obj)

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        announce_change()  # its events

    def delete_model(self, request: HttpRequest, obj: Story) -> None:
        delete_story(obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Story]) -> None:
        for story in queryset:
            delete_story(story)

    @admin.display(description=_("عدد الأحداث"), ordering="_event_count")
    def event_count(self, story: Story) -> int:
        return story._event_count


@admin.register(EventSource)
class EventSourceAdmin(AnnouncesChanges, admin.ModelAdmin):
    list_display = ["event", "article", "mention"]
    search_fields = ["excerpt", "event__title", "article__title"]
    list_select_related = ["event", "article", "mention"]
    raw_id_fields = ["event", "article", "mention"]


@admin.register(Annotation)
class AnnotationAdmin(SimpleHistoryAdmin):
    list_display = ["event", "author", "public", "format", "created_at"]
    search_fields = ["text", "event__title"]
    list_filter = ["public", "format", "created_at"]
    list_select_related = ["event", "author"]
    raw_id_fields = ["event", "author"]

    def save_model(self, request: HttpRequest, obj: Annotation, form, change: bool) -> None:
        save_annotation(obj, author=None if change else request.user)

    def delete_model(self, request: HttpRequest, obj: Annotation) -> None:
        delete_annotation(obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Annotation]) -> None:
        for annotation in queryset:
            delete_annotation(annotation)


@admin.register(Place)
class PlaceAdmin(AnnouncesChanges, FoldedSearchMixin, admin.ModelAdmin):
    folded_search_fields = ("name",)
    list_display = ["name"]
    search_fields = ["name"]


class ActorAliasForm(forms.ModelForm):
    class Meta:
        model = ActorAlias
        fields = ["name"]

    def clean_name(self) -> str:
        name = self.cleaned_data["name"]
        taken = ActorAlias.objects.filter(folded=normalise_for_matching(name))
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        other = taken.select_related("actor").first()
        if other is not None:
            raise forms.ValidationError(
                _("هذا الاسم لفاعل آخر: «%(actor)s». ادمجهما بدلاً من ذلك.")
                % {"actor": other.actor.name}
            )
        return name


class ActorAliasInline(admin.TabularInline):
    model = ActorAlias
    form = ActorAliasForm
    extra = 1
    fields = ["name"]


@admin.register(Actor)
class ActorAdmin(AnnouncesChanges, FoldedSearchMixin, admin.ModelAdmin):
    """Curate the people, organisations and states events name: fix a display name,
    add the spellings and titles that name an actor, merge duplicates."""

    folded_search_fields = ("name",)
    list_display = ["name", "type", "alias_list", "event_count"]
    list_filter = ["type"]
    search_fields = ["name", "aliases__name"]
    inlines = [ActorAliasInline]
    actions = ["merge"]
    list_per_page = 50

    def get_queryset(self, request: HttpRequest) -> QuerySet[Actor]:
        return (
            super()
            .get_queryset(request)
            .annotate(_event_count=Count("events", distinct=True))
            .prefetch_related("aliases")
        )

    @admin.display(description=_("أسماء أخرى"))
    def alias_list(self, actor: Actor) -> str:
        separator = pgettext("list separator", "، ")
        return separator.join(
            alias.name for alias in actor.aliases.all() if alias.name != actor.name
        )

    @admin.display(description=_("عدد الأحداث"), ordering="_event_count")
    def event_count(self, actor: Actor) -> int:
        return actor._event_count

    @admin.action(description=_("دمج الفاعلين المحددين في فاعل واحد (الأقدم)"))
    def merge(self, request: HttpRequest, queryset: QuerySet[Actor]) -> None:
        actors = list(queryset)
        if len(actors) < 2:
            self.message_user(request, _("الدمج يحتاج إلى فاعلَين على الأقل."), messages.ERROR)
            return
        merged = merge_actors(actors)
        self.message_user(
            request,
            ngettext(
                "دُمج فاعل واحد في «%(name)s».",
                "دُمج %(count)d فاعلين في «%(name)s».",
                len(actors),
            )
            % {"count": len(actors), "name": merged.name},
            messages.SUCCESS,
        )
