"""The filter form's <select>, written in Python (timeline/reader/select_widget.py),
is the markup Django's Select templates write."""

import pytest
from django import forms
from django.utils import translation

from timeline.models import Place, Story
from timeline.reader.filters import TimelineFilterForm
from timeline.reader.select_widget import Select

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
