from django.urls import path

from timeline.editorial import article_views, media_views
from timeline.editorial import views as editor_views
from timeline.publishing import embed, share_cards, sharing
from timeline.reader import upcoming, views

app_name = "timeline"

urlpatterns = [
    path("", views.timeline, name="timeline"),
    path("upcoming/", upcoming.upcoming, name="upcoming"),
    path("stories/", sharing.story_index, name="story_index"),
    path("stories/<str:slug>/", views.story_detail, name="story"),
    # The pictures of shared links with no image of their own (timeline/publishing/share_cards.py).
    path("stories/<str:slug>/card.png", share_cards.story_card_png, name="story_card"),
    path("events/<int:event_id>/card.png", share_cards.event_card_png, name="event_card"),
    # What changed since an open page was rendered (timeline/reader/live.py).
    path("live/", views.timeline_changes, name="changes"),
    path("live/upcoming/", upcoming.upcoming_changes, name="upcoming_changes"),
    path("live/stories/<str:slug>/", views.story_changes, name="story_changes"),
    path("events/<int:event_id>/", views.event_detail, name="event"),
    # Embeds for other sites' iframes, and their oEmbed (timeline/publishing/embed.py).
    path("embed/", embed.embed_timeline, name="embed"),
    path("embed/stories/<str:slug>/", embed.embed_story, name="embed_story"),
    path("oembed", embed.oembed, name="oembed"),
    path("articles/new/", article_views.article_create, name="article_create"),
    path("articles/<int:article_id>/", article_views.article_detail, name="article"),
    path(
        "articles/<int:article_id>/published/",
        article_views.article_set_published,
        name="article_published",
    ),
    # The editorial side (timeline/editorial/views.py): editors only.
    path("review/", editor_views.review_queue, name="review"),
    path("review/bulk/", editor_views.review_bulk, name="review_bulk"),
    path("review/stories/", editor_views.story_list, name="story_list"),
    path("review/stories/<int:story_id>/", editor_views.story_edit, name="story_edit"),
    path(
        "review/stories/<int:story_id>/events/",
        editor_views.story_add_events,
        name="story_add_events",
    ),
    path(
        "review/stories/<int:story_id>/confirm/", editor_views.story_confirm, name="story_confirm"
    ),
    path("events/<int:event_id>/confirm/", editor_views.event_confirm, name="event_confirm"),
    path("events/<int:event_id>/reject/", editor_views.event_reject, name="event_reject"),
    path("events/<int:event_id>/correct/", editor_views.event_correct, name="event_correct"),
    path(
        "events/<int:event_id>/split/<int:source_id>/",
        editor_views.event_split,
        name="event_split",
    ),
    path("events/<int:event_id>/stories/", editor_views.event_story_add, name="event_story_add"),
    path(
        "events/<int:event_id>/stories/<int:story_id>/remove/",
        editor_views.event_story_remove,
        name="event_story_remove",
    ),
    path(
        "events/<int:event_id>/annotations/",
        editor_views.annotation_create,
        name="annotation_create",
    ),
    path("events/<int:event_id>/images/", media_views.event_image_add, name="event_image_add"),
    path(
        "images/<int:image_id>/remove/", media_views.event_image_remove, name="event_image_remove"
    ),
    path(
        "annotations/<int:annotation_id>/edit/",
        editor_views.annotation_edit,
        name="annotation_edit",
    ),
    path(
        "annotations/<int:annotation_id>/delete/",
        editor_views.annotation_delete,
        name="annotation_delete",
    ),
]
