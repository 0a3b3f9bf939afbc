"""Extraction of one article: its mentions and event candidates, saved idempotently."""

import logging

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from timeline import temporal
from timeline.events import build_candidates
from timeline.models import Article, Event, EventSource, Mention

log = logging.getLogger(__name__)

# An article in one of these states may be (re-)extracted; `processing` means a
# worker holds it.
CLAIMABLE = (Article.Status.QUEUED, Article.Status.DONE, Article.Status.FAILED)


def claim_article(article_id: int) -> bool:
    """Mark the article as processing if nobody else is; True when we got it."""
    claimed = Article.objects.filter(pk=article_id, status__in=CLAIMABLE).update(
        status=Article.Status.PROCESSING, error="", updated_at=timezone.now()
    )
    return claimed == 1


def process_article(article_id: int) -> bool:
    """Claim an article, extract it and record the outcome on it.

    Returns False when the article was not claimable or the extraction failed; the
    error is then on the article for editors to see.
    """
    if not claim_article(article_id):
        log.info("article %s: not claimable (missing or being processed)", article_id)
        return False
    try:
        article = Article.objects.get(pk=article_id)
        extract_into_database(article)
    except Exception as exc:
        Article.objects.filter(pk=article_id).update(
            status=Article.Status.FAILED,
            error=f"{type(exc).__name__}: {exc}",
            updated_at=timezone.now(),
        )
        log.exception("article %s: extraction failed", article_id)
        return False
    Article.objects.filter(pk=article_id).update(
        status=Article.Status.DONE,
        extractor_version=temporal.EXTRACTOR_VERSION,
        processed_at=timezone.now(),
        updated_at=timezone.now(),
    )
    log.info("article %s: done", article_id)
    return True


@transaction.atomic
def extract_into_database(article: Article) -> None:
    """Replace what the machine made for this article with a fresh extraction.

    Mentions are matched by span and events by the mention they come from, so
    running this twice leaves the same rows with the same ids. Events a person
    confirmed, rejected or edited keep their fields.
    """
    found = temporal.extract(article.body, article.published)

    kept_ids = []
    for item in found:
        mention, _ = Mention.objects.update_or_create(
            article=article,
            start=item.start,
            end=item.end,
            defaults={
                "text": item.text,
                "type": item.type,
                "value": item.value,
                "mod": item.mod,
                "first_day": item.first_day,
                "last_day": item.last_day,
                "anchored": item.anchored,
            },
        )
        kept_ids.append(mention.pk)
    # Cascades to the event sources of mentions that are no longer found.
    article.mentions.exclude(pk__in=kept_ids).delete()

    mentions = list(article.mentions.all())
    sources = {
        s.mention_id: s for s in EventSource.objects.filter(article=article).select_related("event")
    }
    for candidate in build_candidates(article.body, mentions):
        event_fields = {
            "title": candidate.title,
            "kind": candidate.kind,
            "first_day": candidate.first_day,
            "last_day": candidate.last_day,
            "granularity": candidate.granularity,
            "mod": candidate.mod,
        }
        source_fields = {
            "excerpt": candidate.excerpt,
            "highlight_start": candidate.highlight_start,
            "highlight_end": candidate.highlight_end,
        }
        source = sources.pop(candidate.mention.pk, None)
        if source is None:
            event = Event.objects.create(**event_fields)
            EventSource.objects.create(
                event=event, article=article, mention=candidate.mention, **source_fields
            )
            continue
        if source.event.is_machine_made:
            Event.objects.filter(pk=source.event_id).update(
                **event_fields, updated_at=timezone.now()
            )
        EventSource.objects.filter(pk=source.pk).update(**source_fields)

    # Mentions that no longer make an event (e.g. now a duration) lose their source.
    EventSource.objects.filter(pk__in=[s.pk for s in sources.values()]).delete()
    _delete_orphaned_candidates()


def _delete_orphaned_candidates() -> None:
    Event.objects.filter(
        Q(status=Event.Status.CANDIDATE) & Q(edited_by_editor=False) & Q(sources__isnull=True)
    ).delete()
