"""The editorial side: the review queue, corrections, merge and split, annotations, stories.

One view and one template per page; an HTMX request gets a named fragment of the
same template. Every view is wrapped in `editor_required`, and every action is a
POST that also works as a plain form without JavaScript (it then redirects).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Min, Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect, reswap, retarget

from timeline.access import can_change_annotation, editor_required, visible_annotations
from timeline.actions import (
    SplitError,
    add_to_story,
    confirm_story_candidates,
    confirmed_message,
    correct_event,
    delete_annotation,
    merge_events,
    merged_message,
    rejected_message,
    remove_from_story,
    save_annotation,
    save_story,
    set_status,
    split_source,
)
from timeline.editorial.forms import (
    AnnotationForm,
    BulkReviewForm,
    EventCorrectionForm,
    StoryChoiceForm,
    StoryEventSearchForm,
    StoryEventsForm,
    StoryForm,
)
from timeline.editorial.review_filters import ReviewFilterForm, filter_candidates
from timeline.models import Annotation, Article, Event, EventSource, Story
from timeline.reader.fragments import render_page
from timeline.search import search, search_rank

QUEUE_PAGE_SIZE = 50
# The queue's orders besides the default, salience (the main events first).
QUEUE_ORDERS = ("date", "article")


def _next_url(request: HttpRequest, default: str) -> str:
    """Where to go after a plain form POST: `next` if it is on this site, else `default`."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _queue_events(order: str, candidates: QuerySet[Event]) -> QuerySet[Event]:
    events = candidates.prefetch_related(
        Prefetch(
            "sources",
            queryset=EventSource.objects.select_related("article").order_by("article_id", "id"),
        ),
        "places",
        "stories",
    )
    if order == "article":
        return events.annotate(first_article=Min("sources__article_id")).order_by(
            "first_article", "first_day", "id"
        )
    if order == "date":
        return events.order_by("first_day", "id")
    # The main events of their articles first, newest first among equals.
    return events.order_by("-salience", "-first_day", "-id")


def _queue_filters(request: HttpRequest) -> ReviewFilterForm:
    """The queue's filters, from the query string (a bulk POST carries it too)."""
    form = ReviewFilterForm(request.GET)
    form.is_valid()  # invalid fields are dropped from cleaned_data and shown as errors
    return form


def _queue_context(request: HttpRequest, bulk_form: BulkReviewForm | None = None) -> dict:
    order = request.GET.get("order") if request.GET.get("order") in QUEUE_ORDERS else "salience"
    filters = _queue_filters(request)
    article = None
    if filters.cleaned_data.get("article"):
        article = Article.objects.filter(pk=filters.cleaned_data["article"]).first()
    candidates = filter_candidates(filters.cleaned_data)
    page = Paginator(_queue_events(order, candidates), QUEUE_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return {
        "page": page,
        "order": order,
        "article": article,
        "filters": filters,
        "filtered": any(filters.cleaned_data.values()),
        "stories": Story.objects.only("pk", "title"),
        "bulk_form": bulk_form,
        "bulk_limit": QUEUE_PAGE_SIZE,
        # Every action posts with the queue's query string: page and filters stay.
        "queue_query": request.GET.urlencode(),
    }


@require_GET
@editor_required
def review_queue(request: HttpRequest) -> HttpResponse:
    """Candidates by date or by article, each with its excerpts, to confirm, reject or correct."""
    return render_page(request, "timeline/review.html", _queue_context(request), fragment="#queue")


def _reviewed(request: HttpRequest, event: Event, done: str) -> HttpResponse:
    """HTMX: the item replaced by a line saying what was done, and the queue's count
    (of the filters in the query string) brought up to date; else back to the queue."""
    if request.htmx:
        count = filter_candidates(_queue_filters(request).cleaned_data).count()
        return render(
            request,
            "timeline/review.html#review-done",
            {"event": event, "done": done, "count": count, "update_count": True},
        )
    messages.success(request, _("«%(title)s»: %(done)s.") % {"title": event.title, "done": done})
    return redirect(_next_url(request, reverse("timeline:review")))


@require_POST
@editor_required
def event_confirm(request: HttpRequest, event_id: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=event_id)
    set_status([event], Event.Status.CONFIRMED)
    return _reviewed(request, event, _("أُكّد"))


@require_POST
@editor_required
def event_reject(request: HttpRequest, event_id: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=event_id)
    set_status([event], Event.Status.REJECTED)
    return _reviewed(request, event, _("رُفض"))


@require_http_methods(["GET", "POST"])
@editor_required
def event_correct(request: HttpRequest, event_id: int) -> HttpResponse:
    """Correct title, dates, granularity, kind and places; the event is then the editor's."""
    event = get_object_or_404(Event, pk=event_id)
    form = EventCorrectionForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid():
        # Re-extraction never overwrites what an editor corrected.
        event = correct_event(
            form.save(commit=False), form.save_m2m, confirm="confirm" in request.POST
        )
        if request.htmx:
            if event.status == Event.Status.CONFIRMED:
                response = render(
                    request,
                    "timeline/review.html#review-done",
                    {"event": event, "done": _("صُحّح وأُكّد")},
                )
            else:
                response = render(request, "timeline/review.html#review-item", {"event": event})
            return reswap(retarget(response, f"#review-{event.pk}"), "outerHTML")
        messages.success(request, _("صُحّح «%(title)s».") % {"title": event.title})
        return redirect(_next_url(request, event.get_absolute_url()))
    return render_page(
        request,
        "timeline/review_correct.html",
        {"event": event, "form": form, "next": _next_url(request, event.get_absolute_url())},
        fragment="#correct-form",
    )


def _bulk_on_all(request: HttpRequest) -> None:
    """Confirm, reject or add to a story every candidate the queue's filters select."""
    action = request.POST.get("action")
    candidates = filter_candidates(_queue_filters(request).cleaned_data)
    if action == BulkReviewForm.Action.CONFIRM:
        messages.success(request, confirmed_message(set_status(candidates, Event.Status.CONFIRMED)))
    elif action == BulkReviewForm.Action.REJECT:
        messages.success(request, rejected_message(set_status(candidates, Event.Status.REJECTED)))
    elif action == BulkReviewForm.Action.ADD_TO_STORY:
        story = StoryChoiceForm(request.POST)
        if not story.is_valid():
            messages.error(request, _("اختر القصة التي تُضاف إليها الأحداث."))
            return
        ids = list(candidates.values_list("pk", flat=True))
        add_to_story(story.cleaned_data["story"], ids)
        messages.success(request, _added_message(len(ids), story.cleaned_data["story"]))
    else:
        messages.error(request, _("الدمج يحتاج إلى تحديد الأحداث واحداً واحداً."))


def _added_message(count: int, story: Story) -> str:
    return ngettext(
        "أُضيف حدث واحد إلى «%(title)s».", "أُضيف %(count)d حدث إلى «%(title)s».", count
    ) % {"count": count, "title": story.title}


def _back_to_queue(
    request: HttpRequest, bulk_form: BulkReviewForm | None = None, focus: int | None = None
) -> HttpResponse:
    if request.htmx:
        context = _queue_context(request, bulk_form)
        return render(request, "timeline/review.html#queue", {**context, "focus": focus})
    query = request.GET.urlencode()
    return redirect(_next_url(request, reverse("timeline:review") + (f"?{query}" if query else "")))


@require_POST
@editor_required
def review_bulk(request: HttpRequest) -> HttpResponse:
    """Confirm, reject, merge or add to a story the selected events, or all that match.

    The form posts to this URL with the queue's query string: the queue comes back
    with the same filters and on the same page (or the last one, if it shrank).
    """
    if request.POST.get("scope") == "all":
        _bulk_on_all(request)
        return _back_to_queue(request)
    form = BulkReviewForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return _back_to_queue(request, form)
    events = list(form.cleaned_data["events"])
    action = form.cleaned_data["action"]
    if action == BulkReviewForm.Action.MERGE:
        # In place: the queue comes back (same page, same filters), the merged event focused.
        merged = merge_events(events)
        messages.success(request, merged_message(len(events), merged.title))
        return _back_to_queue(request, focus=merged.pk)
    if action == BulkReviewForm.Action.ADD_TO_STORY:
        story = form.cleaned_data["story"]
        add_to_story(story, events)
        messages.success(request, _added_message(len(events), story))
    elif action == BulkReviewForm.Action.CONFIRM:
        messages.success(request, confirmed_message(set_status(events, Event.Status.CONFIRMED)))
    else:
        messages.success(request, rejected_message(set_status(events, Event.Status.REJECTED)))
    return _back_to_queue(request)


@require_POST
@editor_required
def event_split(request: HttpRequest, event_id: int, source_id: int) -> HttpResponse:
    """Move one excerpt out of the event into a new event of its own."""
    event = get_object_or_404(Event, pk=event_id)
    source = get_object_or_404(EventSource, pk=source_id, event=event)
    in_queue = bool(request.htmx) and request.htmx.target == f"review-{event.pk}"
    try:
        new = split_source(event, source)
    except SplitError as exc:
        if in_queue:
            return _split_in_queue(request, event, None, str(exc))
        messages.error(request, str(exc))
        target = event.get_absolute_url()
    else:
        if in_queue:
            return _split_in_queue(request, event, new)
        messages.success(request, _("فُصل المصدر في حدث جديد؛ صحّح عنوانه وتاريخه."))
        target = _next_url(request, reverse("timeline:event_correct", args=[new.pk]))
    if request.htmx:
        return HttpResponseClientRedirect(target)
    return redirect(target)


def _split_in_queue(
    request: HttpRequest, event: Event, new: Event | None, error: str = ""
) -> HttpResponse:
    """HTMX, from the queue: the event's item, the split-off event's item after it
    (focused, to correct), and the queue's count; the rest of the queue stays."""
    return render(
        request,
        "timeline/review.html#review-split",
        {
            "event": event,
            "new": new,
            "error": error,
            "focus": new.pk if new else event.pk,
            "count": filter_candidates(_queue_filters(request).cleaned_data).count(),
            "update_count": True,
            "queue_query": request.GET.urlencode(),
        },
    )


# -- Annotations ----------------------------------------------------------------


def _annotation_list(request: HttpRequest, event: Event, form: AnnotationForm | None = None):
    """The event's annotations fragment (the same one the event page includes)."""
    return render(
        request,
        "timeline/annotations.html#annotation-list",
        {
            "event": event,
            "annotations": visible_annotations(request.user).filter(event=event),
            "annotation_form": form or AnnotationForm(),
            "editor": True,
        },
    )


@require_http_methods(["GET", "POST"])
@editor_required
def annotation_create(request: HttpRequest, event_id: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=event_id)
    form = AnnotationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        annotation = form.save(commit=False)
        annotation.event = event
        save_annotation(annotation, author=request.user)
        if request.htmx:
            return _annotation_list(request, event)
        messages.success(request, _("أُضيفت الملاحظة."))
        return redirect(event)
    if request.htmx:
        return _annotation_list(request, event, form)
    return render(
        request, "timeline/annotation_form.html", {"event": event, "form": form, "annotation": None}
    )


def _own_annotation(request: HttpRequest, annotation_id: int) -> Annotation:
    annotation = get_object_or_404(Annotation.objects.select_related("event"), pk=annotation_id)
    if not can_change_annotation(request.user, annotation):
        raise PermissionDenied("Only its author or an admin changes an annotation.")
    return annotation


@require_http_methods(["GET", "POST"])
@editor_required
def annotation_edit(request: HttpRequest, annotation_id: int) -> HttpResponse:
    annotation = _own_annotation(request, annotation_id)
    form = AnnotationForm(request.POST or None, instance=annotation)
    if request.method == "POST" and form.is_valid():
        save_annotation(form.save(commit=False))
        if request.htmx:
            return _annotation_list(request, annotation.event)
        messages.success(request, _("عُدّلت الملاحظة."))
        return redirect(annotation.event)
    response = render_page(
        request,
        "timeline/annotation_form.html",
        {"event": annotation.event, "form": form, "annotation": annotation},
        fragment="#annotation-form",
    )
    if request.htmx and request.method == "POST":
        # The form posts to the whole list; with errors it stays in place instead.
        return reswap(retarget(response, f"#annotation-{annotation.pk}"), "innerHTML")
    return response


@require_POST
@editor_required
def annotation_delete(request: HttpRequest, annotation_id: int) -> HttpResponse:
    annotation = _own_annotation(request, annotation_id)
    event = annotation.event
    delete_annotation(annotation)
    if request.htmx:
        return _annotation_list(request, event)
    messages.success(request, _("حُذفت الملاحظة."))
    return redirect(event)


# -- Stories --------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@editor_required
def story_list(request: HttpRequest) -> HttpResponse:
    """Every story, published or not, and a form to start a new one."""
    form = StoryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        story = save_story(form.save(commit=False), form.save_m2m)
        messages.success(request, _("أُنشئت القصة «%(title)s».") % {"title": story.title})
        return redirect("timeline:story_edit", story_id=story.pk)
    stories = Story.objects.annotate(event_count=Count("events"))
    return render(request, "timeline/review_stories.html", {"stories": stories, "form": form})


@require_http_methods(["GET", "POST"])
@editor_required
def story_edit(request: HttpRequest, story_id: int) -> HttpResponse:
    """Describe, publish or unpublish a story; its events are listed to remove."""
    story = get_object_or_404(Story, pk=story_id)
    form = StoryForm(request.POST or None, instance=story)
    if request.method == "POST" and form.is_valid():
        story = save_story(form.save(commit=False), form.save_m2m)
        messages.success(request, _("حُفظت القصة «%(title)s».") % {"title": story.title})
        return redirect("timeline:story_edit", story_id=story.pk)
    search_form = StoryEventSearchForm(request.GET)
    query = search_form.cleaned_data["q"] if search_form.is_valid() else ""
    context = {
        **_story_events_context(story),
        "form": form,
        "search_form": search_form,
        "query": query,
        "results": _story_search(story, query),
    }
    if request.method == "POST":  # the story's form with its errors: the whole page
        return render(request, "timeline/review_story.html", context)
    return render_page(request, "timeline/review_story.html", context, fragment="#search-results")


# The story editor's search shows at most this many events.
STORY_SEARCH_LIMIT = 20


def _story_search(story: Story, query: str) -> list[Event]:
    """Events not yet in the story (nor rejected) whose text holds every word of `query`."""
    if not query.strip():
        return []
    events = search(
        Event.objects.exclude(status=Event.Status.REJECTED).exclude(stories=story), query
    )
    events = events.annotate(rank=search_rank(query)).order_by("rank", "-salience", "-first_day")
    return list(events.prefetch_related("sources")[:STORY_SEARCH_LIMIT])


def _story_events_context(story: Story) -> dict:
    events = list(story.events.order_by("first_day", "id"))
    return {
        "story": story,
        "events": events,
        "candidates": sum(event.status == Event.Status.CANDIDATE for event in events),
    }


def _story_events(
    request: HttpRequest, story: Story, added: list[Event] | None = None
) -> HttpResponse:
    """HTMX: the story's event list (and the search results just added, marked so);
    else back to the story editor, its search kept."""
    if request.htmx:
        return render(
            request,
            "timeline/review_story.html#story-events",
            {**_story_events_context(story), "added": added or []},
        )
    return redirect(_next_url(request, reverse("timeline:story_edit", args=[story.pk])))


@require_POST
@editor_required
def story_add_events(request: HttpRequest, story_id: int) -> HttpResponse:
    """Add the events found by the story editor's search to the story."""
    story = get_object_or_404(Story, pk=story_id)
    form = StoryEventsForm(request.POST)
    if not form.is_valid() or not form.cleaned_data["events"]:
        errors = form.errors.get("events") or [_("حدّد حدثاً واحداً على الأقل.")]
        messages.error(request, " ".join(errors))
        return _story_events(request, story)
    events = list(form.cleaned_data["events"])
    add_to_story(story, events)
    messages.success(request, _added_message(len(events), story))
    return _story_events(request, story, events)


@require_POST
@editor_required
def story_confirm(request: HttpRequest, story_id: int) -> HttpResponse:
    """Confirm the story's candidate events: those posted, or all of them."""
    story = get_object_or_404(Story, pk=story_id)
    form = StoryEventsForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("events", [])))
        return _story_events(request, story)
    chosen = [event.pk for event in form.cleaned_data["events"]] or None
    messages.success(request, confirmed_message(confirm_story_candidates(story, chosen)))
    return _story_events(request, story)


def _event_stories(request: HttpRequest, event: Event) -> HttpResponse:
    """HTMX: the event panel's story controls; else back where the form was."""
    if request.htmx:
        return render(
            request,
            "timeline/event.html#event-stories",
            {"event": event, "editor": True, "all_stories": Story.objects.only("pk", "title")},
        )
    return redirect(_next_url(request, event.get_absolute_url()))


@require_POST
@editor_required
def event_story_add(request: HttpRequest, event_id: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=event_id)
    form = StoryChoiceForm(request.POST)
    if form.is_valid():
        add_to_story(form.cleaned_data["story"], [event])
    else:
        messages.error(request, " ".join(form.errors.get("story", [])))
    return _event_stories(request, event)


@require_POST
@editor_required
def event_story_remove(request: HttpRequest, event_id: int, story_id: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=event_id)
    story = get_object_or_404(Story, pk=story_id)
    remove_from_story(story, event)
    return _event_stories(request, event)
