"""Template filters for the editorial side."""

from django import template
from django.utils.safestring import SafeString

from timeline.access import can_change_annotation
from timeline.models import Annotation
from timeline.reader.annotation_text import render_annotation

register = template.Library()


@register.filter
def annotation_html(annotation: Annotation) -> SafeString:
    """The annotation as sanitised HTML (see `timeline.reader.annotation_text`)."""
    return render_annotation(annotation)


@register.filter
def can_change(user, annotation: Annotation) -> bool:
    """`{% if user|can_change:note %}`: the author, or an admin."""
    return can_change_annotation(user, annotation)
