"""Celery task failures in the admin, read-only (recorded by timeline/pipeline/celery_signals.py).

Extraction failures are also on each article (status «فشلت المعالجة» and its error);
this lists every task that raised, the sweep and feed polling included.
"""

from django.contrib import admin
from django.http import HttpRequest

from timeline.models import TaskFailure


@admin.register(TaskFailure)
class TaskFailureAdmin(admin.ModelAdmin):
    list_display = ["created_at", "task_name", "error"]
    list_filter = ["task_name"]
    search_fields = ["task_name", "task_id", "error"]
    date_hierarchy = "created_at"
    readonly_fields = ["created_at", "task_name", "task_id", "arguments", "error", "traceback"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False
