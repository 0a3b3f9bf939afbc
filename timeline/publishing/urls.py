"""URLs of the exports and the API (timeline/publishing/exports.py, timeline/publishing/api.py)."""

from django.urls import path

from timeline.publishing import exports
from timeline.publishing.api import api

urlpatterns = [
    path("api/", api.urls),
    path("timeline.json", exports.timelinejs, name="timelinejs"),
    path("stories/<str:slug>/timeline.json", exports.timelinejs, name="story_timelinejs"),
    path("timeline.ics", exports.icalendar_export, name="icalendar"),
    path("stories/<str:slug>/timeline.ics", exports.icalendar_export, name="story_icalendar"),
    path("upcoming.ics", exports.upcoming_icalendar, name="upcoming_icalendar"),
    path("feeds/confirmed.atom", exports.confirmed_events_feed, name="confirmed_feed"),
    path("exports/events.csv", exports.events_csv, name="events_csv"),
]
