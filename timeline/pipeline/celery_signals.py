"""What the worker does besides tasks: structured log lines, and failures kept for the admin.

Connected by the app's AppConfig.ready(): Celery sets Django up in every worker and
beat process before it sets up logging, so both handlers are in place in each.
"""

import logging
import traceback

from celery.signals import after_setup_logger, after_setup_task_logger, task_failure
from django.conf import settings

from timeline.log_context import ContextFilter, formatter
from timeline.models import TaskFailure

log = logging.getLogger(__name__)


@after_setup_logger.connect
@after_setup_task_logger.connect
def structured_worker_logs(logger: logging.Logger, **kwargs) -> None:
    """Celery sets up its own handlers: give them the context and the site's format."""
    for handler in logger.handlers:
        handler.addFilter(ContextFilter())
        handler.setFormatter(formatter(settings.LOG_FORMAT))


@task_failure.connect
def record_task_failure(
    sender=None, task_id=None, exception=None, args=None, kwargs=None, einfo=None, **extra
) -> None:
    """Keep a task that raised (after its retries) as a TaskFailure row for the admin."""
    try:
        TaskFailure.objects.create(
            task_name=getattr(sender, "name", str(sender))[:200],
            task_id=str(task_id or "")[:64],
            arguments=repr({"args": args, "kwargs": kwargs})[:2000],
            error=f"{type(exception).__name__}: {exception}"[:5000],
            traceback=str(einfo) if einfo else "".join(traceback.format_exception(exception)),
        )
    except Exception:
        # The database may be what failed; the worker's log still has the failure.
        log.exception("could not record the failure of task %s", task_id)
