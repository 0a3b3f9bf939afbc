"""A claim on an article is a fencing token: only the current claimant writes its outcome."""

from datetime import date

import pytest
from django.contrib.auth.models import Permission
from django.db import IntegrityError
from django.utils import timezone

from tests.factories import make_editor
from timeline import temporal
from timeline.models import Article, Event, Mention
from timeline.pipeline import extract as pipeline
from timeline.pipeline.extract import Outcome, process_article
from timeline.pipeline.ingest import ingest_text

TEXT = "لقاء في عمّان\nالتقى الوزيران يوم الأحد في عمّان، واتفقا على لقاء آخر يوم الخميس المقبل."
SUNDAY = date(2025, 7, 20)


@pytest.fixture
def article(db) -> Article:
    """Queued, not yet extracted (nothing runs on commit here)."""
    return ingest_text(TEXT, published=SUNDAY).article


def interleave(monkeypatch, during_first_run) -> None:
    """Run `during_first_run()` in the middle of the first extraction's tagging, once."""
    real = temporal.extract
    calls = []

    def extract(text, reference):
        found = real(text, reference)
        if not calls:
            calls.append(reference)
            during_first_run()
        return found

    monkeypatch.setattr(pipeline.temporal, "extract", extract)


def expire_claim_and_sweep(article: Article) -> None:
    """What the sweep does when a claim looks abandoned (a slow worker, not a dead one)."""
    Article.objects.filter(pk=article.pk).update(
        claimed_at=timezone.now() - timezone.timedelta(hours=1)
    )
    assert pipeline.requeue_stale(60, lambda article_id: True) == 1


def snapshot():
    return (
        sorted(Mention.objects.values_list("start", "end", "value")),
        sorted(Event.objects.values_list("first_day", "last_day", "title")),
    )


@pytest.mark.django_db
def test_a_worker_whose_claim_was_taken_over_cannot_overwrite_the_new_claimants_work(
    article, monkeypatch
):
    outcomes = []
    interleave(
        monkeypatch,
        lambda: (expire_claim_and_sweep(article), outcomes.append(process_article(article.pk))),
    )

    first = process_article(article.pk)

    assert outcomes == [Outcome.DONE]  # the second worker finished
    assert first is Outcome.SKIPPED  # the first one's result was dropped
    article.refresh_from_db()
    assert article.status == Article.Status.DONE and article.error == ""
    assert article.claim_token is None
    assert Mention.objects.filter(article=article).count() == 2
    assert Event.objects.count() == 2  # nothing written twice


@pytest.mark.django_db
def test_an_error_of_a_superseded_worker_does_not_fail_the_article(article, monkeypatch):
    def second_worker_then_conflict():
        expire_claim_and_sweep(article)
        assert process_article(article.pk) is Outcome.DONE
        raise IntegrityError("UNIQUE constraint failed: timeline_mention.article_id")

    interleave(monkeypatch, second_worker_then_conflict)

    assert process_article(article.pk) is Outcome.SKIPPED

    article.refresh_from_db()
    assert article.status == Article.Status.DONE and article.error == ""
    assert len(snapshot()[0]) == 2  # the second worker's rows stand


@pytest.mark.django_db
def test_the_current_claimant_still_records_its_own_failure(article, monkeypatch):
    def explode(text, reference):
        raise RuntimeError("tagger broke")

    monkeypatch.setattr(pipeline.temporal, "extract", explode)

    assert process_article(article.pk) is Outcome.FAILED
    article.refresh_from_db()
    assert article.status == Article.Status.FAILED and "tagger broke" in article.error


@pytest.mark.django_db
def test_a_date_corrected_during_extraction_is_extracted_again_with_the_new_date(
    article, monkeypatch, client, django_capture_on_commit_callbacks
):
    corrected = date(2025, 7, 27)
    editor = make_editor()
    editor.user_permissions.add(Permission.objects.get(codename="change_article"))
    client.force_login(editor)

    def editor_corrects_the_date():
        response = client.post(f"/articles/{article.pk}/published/", {"published": corrected})
        assert response.status_code == 302

    interleave(monkeypatch, editor_corrects_the_date)
    with django_capture_on_commit_callbacks(execute=True):  # the re-sent task runs
        first = process_article(article.pk)

    assert first is Outcome.SKIPPED  # extracted against the old date: dropped
    article.refresh_from_db()
    assert article.status == Article.Status.DONE
    assert article.published == corrected
    expected = {(m.start, m.end, m.value) for m in temporal.extract(article.body, corrected)}
    stale = {(m.start, m.end, m.value) for m in temporal.extract(article.body, SUNDAY)}
    assert expected != stale  # the correction matters for this text
    assert (
        set(Mention.objects.filter(article=article).values_list("start", "end", "value"))
        == expected
    )


@pytest.mark.django_db
def test_readers_see_a_generic_failure_and_editors_the_detail(article, client):
    Article.objects.filter(pk=article.pk).update(
        status=Article.Status.FAILED, error="IntegrityError: secret table detail"
    )

    reader_page = client.get(article.get_absolute_url()).content.decode()
    api = client.get(f"/api/articles/{article.pk}").content.decode()
    client.force_login(make_editor())
    editor_page = client.get(article.get_absolute_url()).content.decode()

    assert "secret table detail" not in reader_page + api
    assert "تعذّر استخراج التواريخ" in reader_page
    assert "secret table detail" in editor_page
