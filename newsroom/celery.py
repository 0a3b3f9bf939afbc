"""The Celery app. Configuration comes from Django settings prefixed CELERY_."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

app = Celery("newsroom")
app.config_from_object("django.conf:settings", namespace="CELERY")
# The tasks live in timeline/pipeline/tasks.py, not in an app's top-level tasks.py.
app.autodiscover_tasks(["timeline.pipeline"])
# Structured logs and recorded failures: timeline/pipeline/celery_signals.py, connected when
# Django sets up the app (which Celery does in every worker and beat process).
