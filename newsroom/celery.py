"""The Celery app. Configuration comes from Django settings prefixed CELERY_."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

app = Celery("newsroom")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# Structured logs and recorded failures: timeline/celery_signals.py, connected when
# Django sets up the app (which Celery does in every worker and beat process).
