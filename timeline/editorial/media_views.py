"""Event images, for editors: add one (an upload, or a URL fetched once) and remove one.

The form sits on the event page (timeline/event.html includes it); a refused
file comes back on this view's own page with the reason. Checking and
re-encoding are in timeline/images.py, the writes in timeline/actions.py.
"""

from typing import TYPE_CHECKING

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.files.uploadedfile import UploadedFile
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST
from django.views.static import serve

from timeline.access import editor_required
from timeline.actions import add_event_image, remove_event_image
from timeline.images import (
    ALT_MAX_CHARS,
    CAPTION_MAX_CHARS,
    CREDIT_MAX_CHARS,
    ImageRejected,
)
from timeline.models import Event, EventImage
from timeline.pipeline.fetch import FetchError, fetch

if TYPE_CHECKING:  # types only: django-stubs is a development requirement
    from django_stubs_ext import StrOrPromise

ACCEPT = "image/jpeg,image/png,image/webp,image/gif"


def _too_long(message: "StrOrPromise", limit: int) -> str:
    return str(message) % {"limit": limit}


_with_limit = lazy(_too_long, str)


def _text_field(
    label: "StrOrPromise",
    limit: int,
    required: "StrOrPromise",
    too_long: "StrOrPromise",
    help_text: "StrOrPromise" = "",
) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=limit,
        help_text=help_text,
        widget=forms.TextInput(attrs={"dir": "auto", "maxlength": limit}),
        error_messages={"required": required, "max_length": _with_limit(too_long, limit)},
    )


class EventImageForm(forms.Form):
    image = forms.FileField(
        label=gettext_lazy("ملف الصورة"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
        error_messages={
            "empty": gettext_lazy("الملف فارغ."),
            "invalid": gettext_lazy("لم يصل ملف: أعد اختياره."),
            "missing": gettext_lazy("لم يصل ملف: أعد اختياره."),
        },
        help_text=gettext_lazy("JPEG أو PNG أو WebP أو GIF؛ لا تُقبل SVG."),
    )
    url = forms.URLField(
        label=gettext_lazy("أو رابط الصورة"),
        required=False,
        max_length=2000,
        assume_scheme="https",
        help_text=gettext_lazy("تُجلب مرة واحدة وتُحفظ هنا."),
    )
    caption = _text_field(
        gettext_lazy("التعليق"),
        CAPTION_MAX_CHARS,
        gettext_lazy("اكتب تعليقاً للصورة."),
        gettext_lazy("التعليق أطول من %(limit)s حرف."),
    )
    credit = _text_field(
        gettext_lazy("المصدر والحقوق"),
        CREDIT_MAX_CHARS,
        gettext_lazy("اذكر مصدر الصورة وصاحب حقوقها."),
        gettext_lazy("المصدر أطول من %(limit)s حرف."),
    )
    alt_text = _text_field(
        gettext_lazy("النص البديل"),
        ALT_MAX_CHARS,
        gettext_lazy("صف ما في الصورة لمن لا يراها."),
        gettext_lazy("النص البديل أطول من %(limit)s حرف."),
        gettext_lazy("ما في الصورة، لمن لا يراها."),
    )

    def clean_image(self) -> UploadedFile | None:
        upload = self.cleaned_data.get("image")
        # Refused by its declared size before a byte of it is read.
        if upload is not None and upload.size > settings.IMAGE_MAX_BYTES:
            raise forms.ValidationError(
                _("الملف أكبر من الحد المسموح (%(limit)s ميغابايت).")
                % {"limit": f"{settings.IMAGE_MAX_BYTES / 1_000_000:g}"}
            )
        return upload

    def clean(self) -> dict:
        super().clean()
        data = self.cleaned_data
        has_file, has_url = bool(data.get("image")), bool(data.get("url"))
        if "image" in data and "url" in data:  # both fields valid so far
            if not has_file and not has_url:
                raise forms.ValidationError(_("ارفع ملف صورة أو أعطِ رابطها."))
            if has_file and has_url:
                raise forms.ValidationError(_("ارفع ملفاً أو أعطِ رابطاً، لا الاثنين."))
        return data


def _image_bytes(data: dict) -> tuple[bytes, str]:
    """The file's bytes and the URL they came from ("" for an upload)."""
    if data.get("image"):
        return b"".join(data["image"].chunks()), ""
    return fetch(data["url"]).body, data["url"]


@require_http_methods(["GET", "POST"])
@editor_required
def event_image_add(request: HttpRequest, event_id: int) -> HttpResponse:
    event = get_object_or_404(Event, pk=event_id)
    form = EventImageForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        field = "image" if form.cleaned_data.get("image") else "url"
        try:
            data, source_url = _image_bytes(form.cleaned_data)
            add_event_image(
                event,
                data,
                caption=form.cleaned_data["caption"],
                credit=form.cleaned_data["credit"],
                alt_text=form.cleaned_data["alt_text"],
                user=request.user,
                source_url=source_url,
            )
        except (ImageRejected, FetchError) as error:
            form.add_error(field, str(error))
        else:
            messages.success(request, _("أُضيفت الصورة."))
            return redirect(event)
    return render(
        request,
        "timeline/event_image_form.html",
        {"event": event, "image_form": form},
        status=400 if form.errors else 200,
    )


@require_POST
@editor_required
def event_image_remove(request: HttpRequest, image_id: int) -> HttpResponse:
    image = get_object_or_404(EventImage.objects.select_related("event"), pk=image_id)
    event = image.event
    remove_event_image(image)
    messages.success(request, _("أُزيلت الصورة."))
    return redirect(event)


def serve_media(request: HttpRequest, path: str) -> HttpResponseBase:
    """MEDIA_URL served by Django, when SERVE_MEDIA (DEBUG): production serves it
    from the shared volume or the object store (README, «Production»)."""
    if not settings.SERVE_MEDIA:
        raise Http404("Media are not served by this process.")
    return serve(request, path, document_root=str(settings.MEDIA_ROOT))
