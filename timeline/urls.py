from django.urls import path

from timeline import article_views, views

app_name = "timeline"

urlpatterns = [
    path("", views.timeline, name="timeline"),
    path("stories/<str:slug>/", views.story_detail, name="story"),
    path("events/<int:event_id>/", views.event_detail, name="event"),
    path("articles/new/", article_views.article_create, name="article_create"),
    path("articles/<int:article_id>/", article_views.article_detail, name="article"),
    path(
        "articles/<int:article_id>/published/",
        article_views.article_set_published,
        name="article_published",
    ),
]
