from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


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
