"""Link previews and feed links in the <head> of reader pages (see timeline/sharing.py)."""

from django import template
from django.http import QueryDict
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from timeline import embed, sharing
from timeline.models import Event, Story

register = template.Library()


@register.inclusion_tag("timeline/share_tags.html", takes_context=True)
def event_share_tags(context: template.Context, event: Event) -> dict:
    """`og:` and Twitter card tags of an event page: its title and first excerpt."""
    request = context["request"]
    images = event.images.all()  # prefetched by the event page
    return {
        "type": "article",
        "title": event.title,
        "description": sharing.event_description(event),
        "url": request.build_absolute_uri(event.get_absolute_url()),
        # The event's first image, at its widest web size (timeline/images.py).
        "image": request.build_absolute_uri(images[0].url) if images else "",
        "image_alt": images[0].alt_text if images else "",
    }


@register.inclusion_tag("timeline/share_tags.html", takes_context=True)
def story_share_tags(context: template.Context, story: Story) -> dict:
    """`og:` and Twitter card tags of a story page: its title and description."""
    request = context["request"]
    return {
        "type": "website",
        "title": story.title,
        "description": sharing.story_description(story),
        "url": request.build_absolute_uri(story.get_absolute_url()),
    }


@register.simple_tag(takes_context=True)
def atom_feed_link(context: template.Context) -> SafeString:
    """<link rel="alternate"> to the Atom feed of what the page shows."""
    request = context.get("request")
    if request is None:
        return SafeString("")
    story = context.get("story")
    if story is not None and not story.published:
        return SafeString("")  # the feed is public: an editor's draft story has none
    return format_html(
        '<link rel="alternate" type="application/atom+xml" title="{}" href="{}">',
        gettext("خلاصة Atom للأحداث المؤكدة"),
        sharing.feed_url(request, story),
    )


@register.simple_tag(takes_context=True)
def story_embed_code(context: template.Context, story: Story) -> SafeString:
    """The iframe code of a story's embed (timeline/embed.py), to paste in another site."""
    return embed.story_embed_code(context["request"], story)


@register.simple_tag(takes_context=True)
def oembed_link(context: template.Context, story: Story) -> SafeString:
    """oEmbed discovery: CMSs given the story's address find its embed code here."""
    if not story.published:
        return SafeString("")
    request = context["request"]
    query = QueryDict(mutable=True)
    query["url"] = request.build_absolute_uri(story.get_absolute_url())
    query["format"] = "json"
    return format_html(
        '<link rel="alternate" type="application/json+oembed" title="{}" href="{}">',
        story.title,
        request.build_absolute_uri(reverse("timeline:oembed")) + "?" + query.urlencode(),
    )
