"""The filter form's <select>, written in Python (timeline/reader/select_widget.py),
is the markup Django's Select templates write."""

import copy

import pytest
from django import forms
from django.db import connection
from django.template import engines
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from timeline.models import Place, Story
from timeline.reader.filters import TimelineFilterForm
from timeline.reader.select_widget import Select, filter_fields_html, read_choices

HOSTILE = "<script>alert('x')</script> & \"«قمة»\""


def both(widget: forms.Select, name: str, value: object, attrs: dict | None = None) -> tuple:
    """What our Select and Django's write for the same widget and value."""
    django_select = forms.Select(attrs=widget.attrs, choices=widget.choices)
    ours = Select(attrs=widget.attrs, choices=widget.choices)
    return ours.render(name, value, attrs), django_select.render(name, value, attrs)


@pytest.mark.parametrize("value", ["", "a", "<b>", None, 3, ["a", "<b>"]])
def test_a_select_is_djangos_markup(value):
    choices = [("", "كل الأنواع"), ("a", HOSTILE), ("<b>", "ب & ج"), (3, 'ثلاثة "3"')]
    widget = Select(attrs={"class": 'x"y', "data-on": True, "data-off": False}, choices=choices)
    ours, django = both(widget, 'kind"<', value, {"id": "id_<kind>"})
    assert ours == django
    assert "<script>" not in ours


@pytest.mark.django_db
@pytest.mark.parametrize("editor", [False, True])
def test_the_filter_forms_selects_are_djangos_markup(editor):
    Place.objects.create(name=HOSTILE)
    Place.objects.create(name="غزة")
    Story.objects.create(title=HOSTILE, slug="s-1", published=True)
    data = {"kind": "meeting", "place": HOSTILE, "story": "s-1", "lanes": "kind"}
    for language in ("ar", "en"):
        with translation.override(language):
            for query in ({}, data, {"kind": "<nope>", "place": "لا مكان"}):
                form = TimelineFilterForm(query, editor=editor)
                form.is_valid()
                selects = [field for field in form if isinstance(field.field.widget, Select)]
                assert len(selects) == 4 + editor
                for field in selects:
                    django_widget = forms.Select(
                        attrs=field.field.widget.attrs, choices=field.field.widget.choices
                    )
                    expected = field.as_widget(widget=django_widget)
                    assert str(field) == expected, field.name


def djangos_widget(widget: forms.Widget) -> forms.Widget:
    """Django's own widget of the same class and attributes as one of ours."""
    django_class = next(cls for cls in type(widget).__mro__ if cls.__module__.startswith("django"))
    clone = copy.deepcopy(widget)  # its input_type, check_test, format…
    clone.__class__ = django_class
    return clone


@pytest.mark.django_db
@pytest.mark.parametrize("editor", [False, True])
def test_the_filter_forms_inputs_and_labels_are_djangos_markup(editor):
    queries = (
        {},
        {"actor": HOSTILE, "start": "2025-07-20", "end": HOSTILE, "upcoming": "on"},
        {"start": "20/7/2025", "upcoming": "false", "q": HOSTILE},
    )
    for language in ("ar", "en"):
        with translation.override(language):
            for query in queries:
                form = TimelineFilterForm(query, editor=editor)
                form.is_valid()
                for field in form:
                    django_field = forms.BoundField(form, field.field, field.name)
                    assert field.label_tag() == django_field.label_tag(), field.name
                    if isinstance(field.field.widget, forms.Select):
                        continue
                    expected = field.as_widget(widget=djangos_widget(field.field.widget))
                    assert str(field) == expected, field.name
                    assert "<script>" not in str(field)


def test_a_label_with_its_own_contents_or_none_is_djangos():
    form = TimelineFilterForm({}, auto_id=False)
    assert (
        form["start"].label_tag()
        == forms.BoundField(form, form.fields["start"], "start").label_tag()
    )
    form = TimelineFilterForm({})
    ours = form["kind"].label_tag(HOSTILE, attrs={"class": "x"}, label_suffix="؟")
    django = forms.BoundField(form, form.fields["kind"], "kind").label_tag(
        HOSTILE, attrs={"class": "x"}, label_suffix="؟"
    )
    assert ours == django


# The loop timeline.html drew the filter fields with, before filter_fields_html.
FIELDS_LOOP = """{% load i18n %}{% for field in form %}
    <div class="filter filter-{{ field.name }}">
      {{ field.label_tag }}
      {% if field.name == "q" %}<input type="search" name="q" id="id_q" value="{{ field.value|default:'' }}" maxlength="100" placeholder="{% translate 'مثلاً: إسطنبول' %}">{% else %}{{ field }}{% endif %}
      {% if field.errors %}<span class="error">{{ field.errors|join:" " }}</span>{% endif %}
    </div>
  {% endfor %}"""


@pytest.mark.django_db
@pytest.mark.parametrize("editor", [False, True])
@pytest.mark.parametrize("with_story", [True, False])
def test_the_filter_fields_are_the_template_loops_markup(editor, with_story):
    Place.objects.create(name=HOSTILE)
    Story.objects.create(title=HOSTILE, slug="s-1", published=True)
    loop = engines["django"].from_string(FIELDS_LOOP)
    queries = [
        {},
        {"q": HOSTILE, "kind": "meeting", "place": HOSTILE, "story": "s-1", "lanes": "kind"},
        {"q": "x" * 101, "kind": "<nope>", "place": "لا مكان", "actor": HOSTILE},
        {"start": "<2020>", "end": "2020-13-01", "upcoming": "on", "status": "<x>"},
    ]
    for language in ("ar", "en"):
        with translation.override(language):
            for query in queries:
                form = TimelineFilterForm(query, editor=editor, with_story=with_story)
                form.is_valid()
                assert filter_fields_html(form) == loop.render({"form": form}), query


@pytest.mark.django_db
def test_the_choices_read_in_plain_sql_are_the_querysets():
    for name in (HOSTILE, "غزة", "أ", "ب", "Zürich"):
        Place.objects.create(name=name)
    Story.objects.create(title=HOSTILE, slug="s-1", published=True)
    Story.objects.create(title="ملف", slug="s-2", published=True)
    Story.objects.create(title="مسودة", slug="s-3", published=False)
    for editor in (False, True):
        form = TimelineFilterForm({}, editor=editor)
        fields = [field for field in form.fields.values() if getattr(field, "choices_sql", None)]
        assert len(fields) == 2
        for field in fields:
            djangos = [
                (str(value), label) for value, label in forms.models.ModelChoiceIterator(field)
            ]
            assert list(field.choices) == djangos
        # Both lists in one query, as the page draws them (read_choices): the same.
        expected = [list(field.choices) for field in fields]
        with CaptureQueriesContext(connection) as queries:
            read_choices(form)
        assert len(queries) == 1
        assert [list(field.choices) for field in fields] == expected
