from django.contrib import admin, messages
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from timeline.models import Annotation, Article, Event, EventSource, Mention, Source
from timeline.tasks import extract_article


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "url", "article_count", "created_at"]
    search_fields = ["name", "url"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Source]:
        return super().get_queryset(request).annotate(_article_count=Count("articles"))

    @admin.display(description=_("عدد المقالات"), ordering="_article_count")
    def article_count(self, source: Source) -> int:
        return source._article_count


class MentionInline(admin.TabularInline):
    model = Mention
    fields = ["text", "type", "value", "mod", "first_day", "last_day", "anchored", "start", "end"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "source", "published", "status", "mention_count", "created_at"]
    list_filter = ["status", "source", "extractor_version"]
    search_fields = ["title", "body", "url"]
    date_hierarchy = "published"
    readonly_fields = ["content_hash", "status", "error", "extractor_version", "processed_at"]
    list_select_related = ["source"]
    inlines = [MentionInline]
    actions = ["reextract"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Article]:
        return super().get_queryset(request).annotate(_mention_count=Count("mentions"))

    @admin.display(description=_("التعبيرات الزمنية"), ordering="_mention_count")
    def mention_count(self, article: Article) -> int:
        return article._mention_count

    @admin.action(description=_("إعادة استخراج التواريخ من المقالات المحددة"))
    def reextract(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        ids = list(queryset.exclude(status=Article.Status.PROCESSING).values_list("pk", flat=True))
        Article.objects.filter(pk__in=ids).update(status=Article.Status.QUEUED)
        for article_id in ids:
            extract_article.delay_on_commit(article_id)
        self.message_user(
            request,
            _("أُرسل %(count)d مقال لإعادة الاستخراج.") % {"count": len(ids)},
            messages.SUCCESS,
        )


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ["text", "type", "value", "mod", "first_day", "last_day", "anchored", "article"]
    list_filter = ["type", "mod", "anchored"]
    search_fields = ["text", "value", "article__title"]
    list_select_related = ["article"]
    raw_id_fields = ["article"]


class EventSourceInline(admin.TabularInline):
    model = EventSource
    fields = ["article", "mention", "excerpt"]
    readonly_fields = fields
    extra = 0
    can_delete = False


class AnnotationInline(admin.StackedInline):
    model = Annotation
    fields = ["text", "author"]
    raw_id_fields = ["author"]
    extra = 0


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "first_day",
        "last_day",
        "granularity",
        "mod",
        "kind",
        "status",
        "source_count",
    ]
    list_filter = ["status", "kind", "granularity", "mod", "edited_by_editor"]
    search_fields = ["title", "sources__excerpt"]
    date_hierarchy = "first_day"
    inlines = [EventSourceInline, AnnotationInline]
    actions = ["confirm", "reject"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Event]:
        return super().get_queryset(request).annotate(_source_count=Count("sources"))

    @admin.display(description=_("عدد المصادر"), ordering="_source_count")
    def source_count(self, event: Event) -> int:
        return event._source_count

    def save_model(self, request: HttpRequest, obj: Event, form, change: bool) -> None:
        if change:
            obj.edited_by_editor = True
        super().save_model(request, obj, form, change)

    @admin.action(description=_("تأكيد الأحداث المحددة"))
    def confirm(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        count = queryset.update(status=Event.Status.CONFIRMED)
        self.message_user(request, _("أُكّد %(count)d حدث.") % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("رفض الأحداث المحددة"))
    def reject(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        count = queryset.update(status=Event.Status.REJECTED)
        self.message_user(request, _("رُفض %(count)d حدث.") % {"count": count}, messages.SUCCESS)


@admin.register(EventSource)
class EventSourceAdmin(admin.ModelAdmin):
    list_display = ["event", "article", "mention"]
    search_fields = ["excerpt", "event__title", "article__title"]
    list_select_related = ["event", "article", "mention"]
    raw_id_fields = ["event", "article", "mention"]


@admin.register(Annotation)
class AnnotationAdmin(admin.ModelAdmin):
    list_display = ["event", "author", "created_at"]
    search_fields = ["text", "event__title"]
    list_filter = ["created_at"]
    list_select_related = ["event", "author"]
    raw_id_fields = ["event", "author"]

    def save_model(self, request: HttpRequest, obj: Annotation, form, change: bool) -> None:
        if not change and not obj.author_id:
            obj.author = request.user
        super().save_model(request, obj, form, change)
