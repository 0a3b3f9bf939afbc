"""Link previews and feed links in the <head> of reader pages
(see timeline/publishing/sharing.py)."""

from collections.abc import Sequence

from django import template
from django.http import HttpRequest, QueryDict
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from timeline.models import Event, EventImage, EventSource, Story
from timeline.publishing import embed, share_cards, sharing

register = template.Library()


@register.inclusion_tag("timeline/share_tags.html", takes_context=True)
def event_share_tags(
    context: template.Context,
    event: Event,
    images: Sequence[EventImage],
    sources: Sequence[EventSource],
) -> dict:
    """`og:` and Twitter card tags of an event page: its title, first excerpt and image
    (`images` and `sources`: the event's, as the page read them)."""
    request = context["request"]
    if images:
        # The event's first image, at its widest web size (timeline/images.py).
        image = _image(request, images[0].url, images[0].width, images[0].height)
        image["image_alt"] = images[0].alt_text
    else:
        image = _card(request, reverse("timeline:event_card", args=[event.pk]), event.title)
    return {
        "type": "article",
        "title": event.title,
        "description": sharing.event_description(sources),
        "url": request.build_absolute_uri(event.get_absolute_url()),
        **image,
    }


@register.inclusion_tag("timeline/share_tags.html", takes_context=True)
def story_share_tags(context: template.Context, story: Story) -> dict:
    """`og:` and Twitter card tags of a story page: its title, description and card."""
    request = context["request"]
    return {
        "type": "website",
        "title": story.title,
        "description": sharing.story_description(story),
        "url": request.build_absolute_uri(story.get_absolute_url()),
        **_card(request, reverse("timeline:story_card", args=[story.slug]), story.title),
    }


def _image(request: HttpRequest, url: str, width: int, height: int) -> dict:
    return {"image": request.build_absolute_uri(url), "image_width": width, "image_height": height}


def _card(request: HttpRequest, url: str, title: str) -> dict:
    """The drawn card (timeline/publishing/share_cards.py), described by the title it shows."""
    return _image(request, url, share_cards.WIDTH, share_cards.HEIGHT) | {"image_alt": title}


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
    """The iframe code of a story's embed (timeline/publishing/embed.py), to paste
    in another site."""
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
