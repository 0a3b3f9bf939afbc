"""A <select> written in Python: Django's `Select`, without its templates.

The timeline's filter form draws four selects on every page (kinds, places,
stories, lanes: some fifty options). Django renders each option through two
templates (the option, its attributes), about 50 µs an option, 3 ms a page. This
widget writes the markup Django's templates write (tests/test_select_widget.py
compares them), from the same `get_context`: the same options, values, selection
and attributes, escaped as the templates escape.
"""

from html import escape
from typing import Any

from django import forms
from django.utils.safestring import SafeString, mark_safe


def _attrs(attrs: dict[str, Any]) -> str:
    """django/forms/widgets/attrs.html: ` name="value"`, ` name` for True, nothing for False."""
    return "".join(
        f" {escape(str(name))}" if value is True else f' {escape(str(name))}="{escape(str(value))}"'
        for name, value in attrs.items()
        if value is not False
    )


class Select(forms.Select):
    """forms.Select, rendered in Python (options in groups are left to Django)."""

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        if any(group_name for group_name, _, _ in widget["optgroups"]):
            return super().render(name, value, attrs, renderer)
        options = "".join(
            f'\n  <option value="{escape(str(option["value"]))}"{_attrs(option["attrs"])}>'
            f"{escape(str(option['label']))}</option>\n"  # the option template's last line
            for _, group, _ in widget["optgroups"]
            for option in group
        )
        opening = f'<select name="{escape(str(widget["name"]))}"{_attrs(widget["attrs"])}>'
        return mark_safe(f"{opening}{options}\n</select>")
