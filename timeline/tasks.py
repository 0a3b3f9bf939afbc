"""Celery tasks: thin wrappers that take ids and call plain functions."""

from celery import shared_task

from timeline.pipeline import process_article


@shared_task
def extract_article(article_id: int) -> bool:
    """Find the dates and event candidates of one article."""
    return process_article(article_id)
