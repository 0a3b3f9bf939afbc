import re

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path

from timeline.editorial.media_views import serve_media
from timeline.pipeline.health import healthz

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("healthz", healthz, name="healthz"),
    path("", include("timeline.publishing.urls")),
    path("", include("timeline.urls")),
]
if settings.MEDIA_URL.startswith("/"):
    # Answers only with SERVE_MEDIA (DEBUG); production serves MEDIA_URL itself.
    urlpatterns.append(
        re_path(rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$", serve_media)
    )
