"""Annotations as HTML: plain text escaped, or limited Markdown sanitised by nh3."""

import markdown
import nh3
from django.utils.html import linebreaks
from django.utils.safestring import SafeString, mark_safe

from timeline.models import Annotation

# What limited Markdown may produce. No images, no raw HTML, no styles or classes.
ALLOWED_TAGS = {
    "p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def render_annotation(annotation: Annotation) -> SafeString:
    """The annotation's text as HTML that is safe to put in a page as it is."""
    if annotation.format == Annotation.Format.MARKDOWN:
        html = markdown.markdown(annotation.text, output_format="html")
        # nh3 drops everything outside the allow-list: raw <script>, event handlers,
        # javascript: links, SVG. Whatever Markdown produced is only trusted after it.
        return mark_safe(
            nh3.clean(
                html,
                tags=ALLOWED_TAGS,
                attributes=ALLOWED_ATTRIBUTES,
                url_schemes=ALLOWED_URL_SCHEMES,
                link_rel="noopener noreferrer nofollow",
            )
        )
    # Escaped first, then paragraphs and line breaks: nothing in it is markup.
    return mark_safe(linebreaks(annotation.text, autoescape=True))
