from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from timeline.ingest import content_hash
from timeline.models import Annotation, Article, Event, EventSource, Mention, Place, Source
from timeline.pipeline import requeue_article
from timeline.tasks import poll_source


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
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
            request, _("أُرسل %(count)d مصدر للاستطلاع.") % {"count": len(ids)}, messages.SUCCESS
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
    list_filter = ["status", "source", "extractor_version", MissingPublishedFilter]
    search_fields = ["title", "body", "url"]
    date_hierarchy = "published"
    readonly_fields = ["content_hash", "status", "error", "extractor_version", "processed_at"]
    list_select_related = ["source"]
    inlines = [MentionInline]
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
            _("أُرسل %(count)d مقال لإعادة الاستخراج.") % {"count": len(articles)},
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
    list_filter = ["status", "kind", "granularity", "mod", "edited_by_editor", "places"]
    filter_horizontal = ["places"]
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


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name"]
    search_fields = ["name"]
