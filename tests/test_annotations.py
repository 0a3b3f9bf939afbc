"""Annotations: who writes and changes them, who reads them, and what HTML survives."""

import pytest
from django.template import Context, Template

from tests.factories import make_admin, make_editor, make_event
from timeline.models import Annotation, Event
from timeline.pipeline.extract import extract_into_database
from timeline.reader.annotation_text import MAX_NESTING, render_annotation

pytestmark = pytest.mark.django_db

HX = {"HX-Request": "true"}


def note(event: Event, author, text: str = "ملاحظة", public: bool = True) -> Annotation:
    return Annotation.objects.create(event=event, author=author, text=text, public=public)


def test_markdown_keeps_emphasis_and_links_and_drops_everything_else():
    html = render_annotation(
        Annotation(
            format=Annotation.Format.MARKDOWN,
            text=(
                "**مهم** [مصدر](https://example.org) [x](javascript:alert(1))\n\n"
                "<script>alert(1)</script><img src=x onerror=alert(1)><svg onload=alert(1)></svg>"
            ),
        )
    )
    assert "<strong>مهم</strong>" in html
    assert 'href="https://example.org"' in html
    assert 'rel="noopener noreferrer nofollow"' in html
    for banned in ("<script", "onerror", "onload", "<svg", "<img", 'href="javascript:'):
        assert banned not in html


def test_plain_text_is_escaped_not_interpreted():
    html = render_annotation(Annotation(text="<b>عريض</b>\nسطر"))
    assert html == "<p>&lt;b&gt;عريض&lt;/b&gt;<br>سطر</p>"
    # Safe as it is: the template must not escape the paragraph again.
    assert Template("{{ html }}").render(Context({"html": html})) == html


def test_an_editor_adds_an_annotation_inline(client):
    editor = make_editor()
    client.force_login(editor)
    event = make_event(status=Event.Status.CONFIRMED)

    response = client.post(
        f"/events/{event.pk}/annotations/",
        {"text": "تحقق من التاريخ", "format": "plain", "public": "on"},
        headers=HX,
    )

    html = response.content.decode()
    assert f'id="annotations-{event.pk}"' in html and "تحقق من التاريخ" in html
    assert "<html" not in html
    assert Annotation.objects.get().author == editor


def test_an_empty_annotation_is_refused_in_arabic(client):
    client.force_login(make_editor())
    event = make_event()
    response = client.post(f"/events/{event.pk}/annotations/", {"text": ""}, headers=HX)
    assert "اكتب نص الملاحظة" in response.content.decode()
    assert not Annotation.objects.exists()


def test_an_overlong_annotation_is_refused(client):
    client.force_login(make_editor())
    event = make_event()
    client.post(f"/events/{event.pk}/annotations/", {"text": "ا" * 10_001, "format": "plain"})
    assert not Annotation.objects.exists()


def test_readers_see_public_annotations_only(client):
    event = make_event(status=Event.Status.CONFIRMED)
    editor = make_editor()
    note(event, editor, "ملاحظة للقراء", public=True)
    note(event, editor, "ملاحظة داخلية", public=False)

    reader_html = client.get(f"/events/{event.pk}/").content.decode()
    client.force_login(editor)
    editor_html = client.get(f"/events/{event.pk}/").content.decode()

    assert "ملاحظة للقراء" in reader_html and "ملاحظة داخلية" not in reader_html
    assert "ملاحظة للقراء" in editor_html and "ملاحظة داخلية" in editor_html


def test_editors_edit_their_own_annotations_only(client):
    event = make_event()
    mine = note(event, make_editor("author"))
    client.force_login(make_editor("other"))

    assert client.get(f"/annotations/{mine.pk}/edit/").status_code == 403
    assert client.post(f"/annotations/{mine.pk}/delete/").status_code == 403
    assert Annotation.objects.filter(pk=mine.pk).exists()


def test_the_author_edits_and_deletes_through_htmx(client):
    event = make_event()
    author = make_editor("author")
    mine = note(event, author)
    client.force_login(author)

    form = client.get(f"/annotations/{mine.pk}/edit/", headers=HX).content.decode()
    assert "<form" in form and "<html" not in form
    client.post(f"/annotations/{mine.pk}/edit/", {"text": "نص جديد", "format": "plain"}, headers=HX)
    mine.refresh_from_db()
    assert (mine.text, mine.public) == ("نص جديد", False)

    listing = client.post(f"/annotations/{mine.pk}/delete/", headers=HX).content.decode()
    assert "نص جديد" not in listing
    assert not Annotation.objects.exists()


def test_admins_edit_anyones_annotations(client):
    mine = note(make_event(), make_editor("author"))
    client.force_login(make_admin())
    response = client.post(
        f"/annotations/{mine.pk}/edit/", {"text": "صححه المشرف", "format": "plain"}
    )
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.text == "صححه المشرف"


def test_annotation_changes_are_in_the_event_history(client):
    editor = make_editor()
    client.force_login(editor)
    event = make_event()
    client.post(f"/events/{event.pk}/annotations/", {"text": "أولى", "format": "plain"})
    html = client.get(f"/events/{event.pk}/").content.decode()
    assert "أنشأ ملاحظة" in html


def test_re_extraction_never_deletes_an_annotation(seed_article):
    event = Event.objects.filter(sources__article=seed_article).first()
    note(event, make_editor())
    # The article loses the text that made the event: its source goes.
    seed_article.body = "عنوان\nنص بلا تواريخ."
    seed_article.save()

    extract_into_database(seed_article)

    assert Annotation.objects.filter(event_id=event.pk).exists()


PATHOLOGICAL = {
    "nested ordered lists": "1. " * 3333,
    "nested bullets": "- " * 5000,
    "nested quotes": "> " * 5000,
    "open brackets": "[" * 9999,
    "unclosed links": "[a](" * 2500,
    "nested links": "[a" * 3333 + "]" * 3333,
    "emphasis runs": "*_" * 5000,
    "unclosed emphasis": "**a" * 3333,
    "image openers": "![" * 5000,
    "angle brackets": "<" * 9999,
    "backticks": "``a`" * 2500,
    "backslashes": "\\" * 9999,
    "raw html": "<div>" * 1999,
    "indented lists": "\n".join(" " * n + "1. x" for n in range(0, 130)),
}


@pytest.mark.parametrize("text", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
@pytest.mark.parametrize("fmt", [Annotation.Format.MARKDOWN, Annotation.Format.PLAIN])
def test_pathological_annotations_render_bounded_and_the_page_stays_up(client, text, fmt):
    assert len(text) <= 10_000  # what the form accepts
    event = make_event(status=Event.Status.CONFIRMED)
    note(event, make_editor(), text=text).__class__.objects.filter(event=event).update(format=fmt)
    annotation = Annotation.objects.get(event=event)

    html = render_annotation(annotation)
    response = client.get(event.get_absolute_url())

    assert response.status_code == 200
    # Nesting is capped: no list or quote deeper than the limit reaches the page.
    for tag in ("<ol>", "<ul>", "<blockquote>", "<a "):
        assert html.count(tag) <= 1000
    depth = max_depth(html)
    assert depth <= MAX_NESTING + 2
    for banned in ("<div", "<img", "<script"):
        assert banned not in html


def max_depth(html: str) -> int:
    import re

    depth = deepest = 0
    for closing, _name in re.findall(r"<(/?)(ol|ul|li|blockquote|p|a|em|strong|code|pre)\b", html):
        depth += -1 if closing else 1
        deepest = max(deepest, depth)
    return deepest


def test_a_markdown_annotation_nested_too_deep_is_shown_whole_as_text():
    shallow = render_annotation(
        Annotation(format=Annotation.Format.MARKDOWN, text="> " * 3 + "**عمق**")
    )
    deep = render_annotation(Annotation(format=Annotation.Format.MARKDOWN, text="> " * 50 + "عمق"))
    assert shallow.count("<blockquote>") == 3 and "<strong>عمق</strong>" in shallow
    assert "<blockquote>" not in deep
    assert deep == "<p>" + "&gt; " * 50 + "عمق</p>"


def test_the_form_explains_the_size_and_depth_limits(client):
    client.force_login(make_editor())
    event = make_event()
    html = client.get(event.get_absolute_url()).content.decode()
    assert "حتى 10000 حرف" in html and f"حتى {MAX_NESTING} مستوى" in html

    response = client.post(
        f"/events/{event.pk}/annotations/",
        {"text": "ا" * 10_001, "format": "markdown"},
        headers=HX,
    )
    assert "الملاحظة أطول من 10000 حرف." in response.content.decode()


@pytest.mark.parametrize("text", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_pathological_titles_and_descriptions_are_escaped_on_reader_pages(client, text):
    from timeline.models import Story

    event = make_event(title=text[:300], status=Event.Status.CONFIRMED)
    story = Story.objects.create(title=text[:200], slug="s", description=text, published=True)
    story.events.add(event)

    for url in ("/", "/stories/s/", event.get_absolute_url()):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "<div><div>" not in response.content.decode()
