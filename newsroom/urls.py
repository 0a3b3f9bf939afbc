from django.contrib import admin
from django.urls import include, path

from timeline.health import healthz

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("healthz", healthz, name="healthz"),
    path("", include("timeline.export_urls")),
    path("", include("timeline.urls")),
]
