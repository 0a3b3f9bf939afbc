"""Annotations as HTML: plain text escaped, or limited Markdown sanitised by nh3.

Markdown goes through markdown-it-py, a CommonMark parser whose running time grows
linearly with the text (no backtracking over brackets or emphasis) and whose
nesting is capped at MAX_NESTING, so that no annotation (at most
ANNOTATION_MAX_CHARS characters) can tie up a worker or overflow the stack. An
annotation that reaches the cap is shown as plain text, whole, rather than
rendered with its deepest part missing.
"""

import nh3
from django.utils.html import linebreaks
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

from timeline.models import ANNOTATION_MAX_CHARS, Annotation

# What limited Markdown may produce. No images, no raw HTML, no styles or classes.
ALLOWED_TAGS = {
    "p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
MAX_NESTING = 20

# Raw HTML is parsed as HTML so that nh3 can drop it, as it drops everything else.
_markdown = MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING}).disable(
    ["image", "heading", "lheading", "hr"]
)

__all__ = ["ANNOTATION_MAX_CHARS", "render_annotation"]


def render_annotation(annotation: Annotation) -> SafeString:
    """The annotation's text as HTML that is safe to put in a page as it is."""
    if annotation.format == Annotation.Format.MARKDOWN:
        # Longer texts cannot be saved through the forms; one stored some other way
        # is cut rather than rendered at any cost.
        text = annotation.text[:ANNOTATION_MAX_CHARS]
        tokens = _markdown.parse(text)
        if _deepest(tokens) >= MAX_NESTING - 1:
            return _plain(text)
        html = _markdown.renderer.render(tokens, _markdown.options, {})
        # nh3 drops everything outside the allow-list: event handlers, javascript:
        # links. Whatever Markdown produced is only trusted after it.
        return mark_safe(
            nh3.clean(
                html,
                tags=ALLOWED_TAGS,
                attributes=ALLOWED_ATTRIBUTES,
                url_schemes=ALLOWED_URL_SCHEMES,
                link_rel="noopener noreferrer nofollow",
            )
        )
    return _plain(annotation.text)


def _plain(text: str) -> SafeString:
    # Escaped first, then paragraphs and line breaks: nothing in it is markup.
    return mark_safe(linebreaks(text, autoescape=True))


def _deepest(tokens: list) -> int:
    """The deepest nesting level among the tokens and their inline children."""
    deepest = 0
    for token in tokens:
        deepest = max(deepest, token.level)
        for child in token.children or ():
            deepest = max(deepest, token.level + child.level)
    return deepest
