"""The review queue's filters: a plain GET form, and the candidates it selects."""

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from timeline.event_kinds import EventKind
from timeline.models import Event, EventSource, Place, Source, Story
from timeline.reader.filters import ActorField
from timeline.search import search


class ReviewFilterForm(forms.Form):
    q = forms.CharField(label=_("بحث"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("النوع"), required=False, choices=[("", _("كل الأنواع")), *EventKind.choices]
    )
    place = forms.ModelChoiceField(
        label=_("المكان"),
        required=False,
        queryset=Place.objects.order_by("name"),
        to_field_name="name",
        empty_label=_("كل الأماكن"),
    )
    actor = ActorField(
        label=_("الفاعل"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"dir": "auto", "placeholder": _("مثلاً: بوتين")}),
    )
    story = forms.ModelChoiceField(
        label=_("القصة"),
        required=False,
        queryset=Story.objects.order_by("title"),
        empty_label=_("كل القصص"),
    )
    source = forms.ModelChoiceField(
        label=_("المصدر"),
        required=False,
        queryset=Source.objects.order_by("name"),
        empty_label=_("كل المصادر"),
    )
    article = forms.IntegerField(
        label=_("المقال"), required=False, min_value=1, widget=forms.HiddenInput
    )
    start = forms.DateField(
        label=_("من"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("إلى"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    salience = forms.FloatField(
        label=_("أهمية لا تقل عن"),
        required=False,
        min_value=0,
        max_value=1,
        widget=forms.NumberInput(attrs={"step": "0.1", "min": "0", "max": "1"}),
    )


def filter_candidates(data: dict) -> QuerySet[Event]:
    """Candidates narrowed by the valid values of a `ReviewFilterForm` (its cleaned_data).

    Article and source go through a subquery on the sources, so that an event
    reported twice is still one row (no DISTINCT, which an UPDATE cannot take).
    """
    events = Event.objects.filter(status=Event.Status.CANDIDATE)
    if data.get("kind"):
        events = events.filter(kind=data["kind"])
    if data.get("place"):
        events = events.filter(places=data["place"])
    if data.get("actor"):
        events = events.filter(actors=data["actor"])
    if data.get("story"):
        events = events.filter(stories=data["story"])
    if data.get("article"):
        reported = EventSource.objects.filter(article_id=data["article"])
        events = events.filter(pk__in=reported.values("event_id"))
    if data.get("source"):
        reported = EventSource.objects.filter(article__source=data["source"])
        events = events.filter(pk__in=reported.values("event_id"))
    if data.get("start"):
        events = events.filter(last_day__gte=data["start"])
    if data.get("end"):
        events = events.filter(first_day__lte=data["end"])
    if data.get("salience") is not None:
        events = events.filter(salience__gte=data["salience"])
    return search(events, data.get("q") or "")
