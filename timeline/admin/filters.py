"""List filters of the admin that Django does not have."""

from django import forms
from django.utils.translation import gettext_lazy as _
from rangefilter.filters import DateRangeFilter


class DateRange(DateRangeFilter):
    """A from–to filter on a date (django-admin-rangefilter's, validation included),
    drawn with the browser's own date inputs in a plain GET form: no inline script,
    and it works without JavaScript. Replaces date_hierarchy, whose year links became
    a wall over an archive spanning a century."""

    template = "admin/timeline/date_range_filter.html"

    def _get_form_fields(self) -> dict:
        fields = super()._get_form_fields()
        labels = iter([_("من"), _("إلى")])
        for field in fields.values():
            field.label = next(labels)
            field.localize = False
            field.widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
        return fields

    def kept_parameters(self) -> list[tuple[str, str]]:
        """The list's other filters, search and ordering, carried by the form."""
        dropped = {*self.expected_parameters(), "p"}
        return [
            (name, value)
            for name, values in self.request.GET.lists()
            if name not in dropped
            for value in values
        ]
