from django import forms
from django.conf import settings
from django.db import models
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from timeline.actions import story_slug
from timeline.models import ANNOTATION_MAX_CHARS, Annotation, Event, Story
from timeline.reader.annotation_text import MAX_NESTING


def _annotation_limits(message: str) -> str:
    return message % {"limit": ANNOTATION_MAX_CHARS, "depth": MAX_NESTING}


# Filled in when shown, in the reader's language (a plain % would translate once, at import).
_with_annotation_limits = lazy(_annotation_limits, str)


class ArticleForm(forms.Form):
    """An article pasted as text, or given as a URL to fetch."""

    title = forms.CharField(
        label=_("العنوان"),
        max_length=500,
        required=False,
        help_text=_("إن تُرك فارغاً فالسطر الأول من النص هو العنوان."),
    )
    text = forms.CharField(
        label=_("نص المقال"),
        widget=forms.Textarea(attrs={"rows": 14, "dir": "auto"}),
        required=False,
        max_length=settings.ARTICLE_MAX_CHARS,
        help_text=lazy(
            lambda: (
                ngettext("حتى حرف واحد.", "حتى %(limit)s حرف.", settings.ARTICLE_MAX_CHARS)
                % {"limit": f"{settings.ARTICLE_MAX_CHARS:,}"}
            ),
            str,
        )(),
    )
    url = forms.URLField(
        label=_("الرابط"),
        required=False,
        max_length=2000,
        assume_scheme="https",
        help_text=_("بلا نص: يُجلب المقال من الرابط."),
    )
    published = forms.DateField(
        label=_("تاريخ النشر"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("تُحسب التواريخ النسبية («أمس»، «الأحد المقبل») انطلاقاً منه."),
    )

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("text", "").strip() and not data.get("url"):
            raise forms.ValidationError(_("الصق نص المقال أو أعطِ رابطه."))
        return data


class PublishedDateForm(forms.Form):
    published = forms.DateField(
        label=_("تاريخ النشر"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


# -- The editorial side: correcting events, annotations, stories -----------------

# Bidi controls are kept (they are legitimate in mixed Arabic/Latin text); the
# templates isolate user text so that they cannot spill over the page around it.


class EventCorrectionForm(forms.ModelForm):
    """What an editor may correct in an event: title, dates and granularity, kind, places."""

    class Meta:
        model = Event
        fields = ["title", "first_day", "last_day", "granularity", "mod", "kind", "places"]
        widgets = {
            "title": forms.TextInput(attrs={"dir": "auto", "maxlength": 300}),
            "first_day": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "last_day": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "places": forms.SelectMultiple(attrs={"size": 4}),
        }
        labels = {"mod": _("الموضع في الفترة")}
        error_messages = {
            "title": {"required": _("العنوان مطلوب."), "max_length": _("العنوان أطول من 300 حرف.")},
            "first_day": {"required": _("اليوم الأول مطلوب."), "invalid": _("تاريخ غير صالح.")},
            "last_day": {"required": _("اليوم الأخير مطلوب."), "invalid": _("تاريخ غير صالح.")},
        }

    def clean(self) -> dict:
        data = super().clean()
        first, last = data.get("first_day"), data.get("last_day")
        if first and last and first > last:
            self.add_error("last_day", _("اليوم الأخير قبل اليوم الأول."))
        return data


class AnnotationForm(forms.ModelForm):
    class Meta:
        model = Annotation
        fields = ["text", "format", "public"]
        widgets = {
            "text": forms.Textarea(
                attrs={"rows": 4, "dir": "auto", "maxlength": ANNOTATION_MAX_CHARS}
            ),
            "format": forms.RadioSelect,
        }
        help_texts = {
            "text": _with_annotation_limits(
                _(
                    "حتى %(limit)s حرف. في الماركداون المحدود: **عريض** و*مائل* و`رمز` "
                    "والروابط والقوائم والاقتباسات، حتى %(depth)s مستوى من التداخل؛ "
                    "وما تجاوزه يُعرض نصاً عادياً."
                )
            ),
        }
        error_messages = {
            "text": {
                "required": _("اكتب نص الملاحظة."),
                "max_length": _with_annotation_limits(_("الملاحظة أطول من %(limit)s حرف.")),
            }
        }


class StoryForm(forms.ModelForm):
    class Meta:
        model = Story
        fields = ["title", "slug", "description", "published"]
        widgets = {
            "title": forms.TextInput(attrs={"dir": "auto"}),
            "slug": forms.TextInput(attrs={"dir": "auto"}),
            "description": forms.Textarea(attrs={"rows": 4, "dir": "auto", "maxlength": 5_000}),
        }
        help_texts = {"slug": _("إن تُرك فارغاً اشتُق من العنوان.")}
        error_messages = {
            "title": {"required": _("العنوان مطلوب.")},
            "slug": {
                "required": _("المعرّف مطلوب."),
                "unique": _("هذا المعرّف مستعمل لقصة أخرى."),
                "invalid": _("المعرّف حروف وأرقام وشرطات فقط."),
            },
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False

    def clean_description(self) -> str:
        description = self.cleaned_data["description"]
        if len(description) > 5_000:
            raise forms.ValidationError(_("الوصف أطول من 5000 حرف."))
        return description

    def clean_slug(self) -> str:
        return self.cleaned_data["slug"].strip().lower()

    def clean(self) -> dict:
        data = super().clean()
        # No slug given: one from the title (timeline.actions.story_slug), Arabic kept.
        if not data.get("slug") and data.get("title") and "slug" not in self.errors:
            data["slug"] = story_slug(data["title"], exclude=self.instance.pk)
        return data


class StoryEventSearchForm(forms.Form):
    """The story editor's search for events to add."""

    q = forms.CharField(label=_("ابحث عن أحداث لإضافتها"), required=False, max_length=100)


# One bulk request touches at most this many events.
BULK_LIMIT = 200


def _within_bulk_limit(events: list[Event]) -> list[Event]:
    if len(events) > BULK_LIMIT:
        raise forms.ValidationError(
            ngettext("حدّد حدثاً واحداً على الأكثر.", "حدّد %(limit)d حدث على الأكثر.", BULK_LIMIT)
            % {"limit": BULK_LIMIT}
        )
    return events


class StoryEventsForm(forms.Form):
    """Events to add to a story, or to confirm in it."""

    events = forms.ModelMultipleChoiceField(
        queryset=Event.objects.all(),
        required=False,
        error_messages={
            "invalid_choice": _("أحد الأحداث المحددة غير موجود."),
            "invalid_pk_value": _("أحد الأحداث المحددة غير موجود."),
        },
    )

    def clean_events(self) -> list[Event]:
        return _within_bulk_limit(self.cleaned_data["events"])


class StoryChoiceForm(forms.Form):
    story = forms.ModelChoiceField(
        label=_("القصة"),
        queryset=Story.objects.all(),
        error_messages={"required": _("اختر قصة."), "invalid_choice": _("لا توجد هذه القصة.")},
    )


class BulkReviewForm(forms.Form):
    class Action(models.TextChoices):
        CONFIRM = "confirm", _("تأكيد")
        REJECT = "reject", _("رفض")
        MERGE = "merge", _("دمج")
        ADD_TO_STORY = "add_to_story", _("إضافة إلى قصة")

    action = forms.ChoiceField(
        choices=Action.choices, error_messages={"invalid_choice": _("إجراء غير معروف.")}
    )
    events = forms.ModelMultipleChoiceField(
        queryset=Event.objects.all(),
        error_messages={
            "required": _("حدّد حدثاً واحداً على الأقل."),
            "invalid_choice": _("أحد الأحداث المحددة غير موجود."),
            "invalid_pk_value": _("أحد الأحداث المحددة غير موجود."),
        },
    )
    story = forms.ModelChoiceField(
        queryset=Story.objects.all(),
        required=False,
        error_messages={"invalid_choice": _("لا توجد هذه القصة.")},
    )

    def clean_events(self) -> list[Event]:
        return _within_bulk_limit(self.cleaned_data["events"])

    def clean(self) -> dict:
        data = super().clean()
        action, events = data.get("action"), data.get("events")
        if action == self.Action.MERGE and events is not None and len(events) < 2:
            self.add_error("events", _("الدمج يحتاج إلى حدثين على الأقل."))
        if action == self.Action.ADD_TO_STORY and not data.get("story"):
            self.add_error("story", _("اختر القصة التي تُضاف إليها الأحداث."))
        return data
