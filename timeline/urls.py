from django.urls import path

from timeline import views

app_name = "timeline"

urlpatterns = [
    path("", views.timeline, name="timeline"),
    path("events/<int:event_id>/", views.event_detail, name="event"),
    path("articles/<int:article_id>/", views.article_detail, name="article"),
]
