"""The filter form's widgets and labels written in Python: Django's, without their templates.

The timeline's filter form draws nine fields on every page: four selects (kinds,
places, stories, lanes: some fifty options), text, date and checkbox inputs, and a
label for each. Django renders each option, input and label through templates
(the option, its attributes, the label), about 50 µs each, 3 ms a page. These
widgets and `BoundField.label_tag` write the markup Django's templates write
(tests/test_select_widget.py compares them), from the same `get_context`: the same
options, values, selection and attributes, escaped as the templates escape.
"""

from collections.abc import Iterator
from html import escape
from typing import Any, NamedTuple, cast

from django import forms
from django.db import connection
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext as djangos_own_catalog


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


class ChoicesSQL(NamedTuple):
    """Where a ModelChoiceField's choices are in the database: (value, label) columns
    of a table, the rows `where` keeps (SQL, or nothing), ordered by the label."""

    table: str
    value: str
    label: str
    where: str = ""

    def select(self, *first: str) -> str:
        """SELECT `first` (constant columns), value, label FROM … WHERE …, unordered."""
        columns = ", ".join([*first, self.value, self.label])
        return f"SELECT {columns} FROM {self.table}{f' WHERE {self.where}' if self.where else ''}"


class ChoiceIterator(forms.models.ModelChoiceIterator):
    """A ModelChoiceField's choices read in one query: Django reads them through
    `QuerySet.iterator()`, on PostgreSQL a server-side cursor (DECLARE, FETCH, CLOSE:
    three round trips) for the twenty places or one story of a page. With the field's
    `choices_sql`, in that plain statement."""

    def __iter__(self) -> Iterator[tuple[Any, Any]]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        sql = getattr(self.field, "choices_sql", None)  # our ModelChoiceField's
        if sql is not None:
            with connection.cursor() as cursor:
                cursor.execute(f"{sql.select()} ORDER BY {sql.label}")
                yield from cursor.fetchall()
            return
        for obj in self.queryset.all():
            yield self.choice(obj)


class ModelChoiceField(forms.ModelChoiceField):
    """forms.ModelChoiceField, its choices read in one query.

    `choices_sql`: where the choices are, (value, label), as the queryset,
    `to_field_name` and the model's `__str__` give them, in the queryset's order (the
    queryset still validates): the timeline draws its filter form on every page, and
    building and compiling the two querysets of its choices cost more than reading
    them. `read_choices` reads a form's in one query."""

    iterator = ChoiceIterator

    def __init__(self, *args: Any, choices_sql: ChoicesSQL | None = None, **kwargs: Any) -> None:
        self.choices_sql = choices_sql
        super().__init__(*args, **kwargs)


def read_choices(form: forms.Form) -> None:
    """The choices of the form's fields that have a `choices_sql` (the places and the
    stories of the timeline's filters), read in one query rather than one a field: a
    round trip fewer on every timeline page. Set as the fields' choices, the lists
    their ChoiceIterator would give; the querysets still validate."""
    fields = [
        field
        for field in form.fields.values()
        if isinstance(field, ModelChoiceField) and field.choices_sql is not None
    ]
    if len(fields) < 2:
        return  # the field's own query is the one query
    union = " UNION ALL ".join(
        cast(ChoicesSQL, field.choices_sql).select(str(n)) for n, field in enumerate(fields)
    )
    read: list[list[tuple[Any, Any]]] = [
        [] if field.empty_label is None else [("", field.empty_label)] for field in fields
    ]
    with connection.cursor() as cursor:
        # Each field's rows together, in the order of its label (its column 3 here).
        cursor.execute(f"{union} ORDER BY 1, 3")
        for n, value, label in cursor.fetchall():
            read[n].append((value, label))
    for field, choices in zip(fields, read, strict=True):
        field.choices = choices


class _InputInPython(forms.widgets.Input):
    """django/forms/widgets/input.html, in Python."""

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        shown = "" if widget["value"] is None else f' value="{escape(str(widget["value"]))}"'
        return mark_safe(
            f'<input type="{escape(str(widget["type"]))}" name="{escape(str(widget["name"]))}"'
            f"{shown}{_attrs(widget['attrs'])}>"
        )


class TextInput(_InputInPython, forms.TextInput):
    """forms.TextInput, rendered in Python."""


class DateInput(_InputInPython, forms.DateInput):
    """forms.DateInput, rendered in Python."""


class CheckboxInput(_InputInPython, forms.CheckboxInput):
    """forms.CheckboxInput, rendered in Python (its `checked` is one of its attributes)."""


class BoundField(forms.BoundField):
    """A form field whose plain `label_tag` (no arguments) is written in Python."""

    def label_tag(
        self,
        contents: str | None = None,
        attrs: dict[str, Any] | None = None,
        label_suffix: str | None = None,
        tag: str | None = None,
    ) -> SafeString:
        if contents is not None or attrs is not None or label_suffix is not None or tag:
            return super().label_tag(contents, attrs, label_suffix, tag)
        # As BoundField.label_tag and django/forms/label.html write it. The label and
        # the suffix are lazy strings, translated again at each use (six a label):
        # translated once here.
        label: Any = None if self.label is None else str(self.label)
        suffix: Any = (
            self.field.label_suffix
            if self.field.label_suffix is not None
            else self.form.label_suffix
        )
        suffix = None if suffix is None else str(suffix)
        # Django's own catalog translates BoundField.label_tag's «:?.!»; called under
        # another name, makemessages leaves it out of ours (nothing for us to translate).
        if suffix and label and label[-1] not in djangos_own_catalog(":?.!"):
            label = format_html("{}{}", label, suffix)
        id_ = self.field.widget.attrs.get("id") or self.auto_id
        if not id_:
            return conditional_escape(label)
        label_attrs: dict[str, Any] = {}
        id_for_label = self.field.widget.id_for_label(id_)
        if id_for_label:
            label_attrs["for"] = id_for_label
        if self.field.required and hasattr(self.form, "required_css_class"):
            label_attrs["class"] = self.form.required_css_class
        return mark_safe(f"<label{_attrs(label_attrs)}>{conditional_escape(label)}</label>")


def filter_fields_html(form: forms.Form) -> SafeString:
    """The timeline's filter fields, one `<div class="filter">` each, as the template's
    `{% for field in form %}` wrote them (tests/test_select_widget.py compares them):
    its label, its widget (the words' box a search input of its own) and its errors.
    The loop's variables, filters and tags cost more than the widgets, about 1 ms."""
    read_choices(form)
    parts = []
    for field in form:
        if field.name == "q":
            widget = (
                '<input type="search" name="q" id="id_q"'
                f' value="{conditional_escape(field.value() or "")}" maxlength="100"'
                f' placeholder="{conditional_escape(gettext("مثلاً: إسطنبول"))}">'
            )
        else:
            widget = conditional_escape(str(field))
        errors = ""
        if field.errors:
            shown = " ".join(conditional_escape(str(error)) for error in field.errors)
            errors = f'<span class="error">{shown}</span>'
        parts.append(
            f'\n    <div class="filter filter-{conditional_escape(field.name)}">'
            f"\n      {conditional_escape(field.label_tag())}"
            f"\n      {widget}\n      {errors}\n    </div>\n  "
        )
    return mark_safe("".join(parts))
