"""What an operator sees from the long commands, pipeline_status and createuser."""

import json
import re
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django.utils import timezone

from tests.processes import RedisServer
from timeline.models import Article, Source, TaskFailure
from timeline.pipeline import progress as progress_module
from timeline.pipeline.ingest import ingest_text
from timeline.pipeline.progress import CommandProgress, format_seconds

pytestmark = pytest.mark.django_db


class FakeCommand:
    """Just what CommandProgress uses of a management command."""

    def __init__(self) -> None:
        from django.core.management.base import OutputWrapper

        self.out, self.err = StringIO(), StringIO()
        self.stdout, self.stderr = OutputWrapper(self.out), OutputWrapper(self.err)


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_off_a_terminal_a_progress_line_every_few_seconds_and_a_summary():
    command, clock = FakeCommand(), Clock()
    with CommandProgress(command, "ingest", 100, "articles", clock=clock) as progress:
        for _ in range(10):  # 10 articles in 2 s: too soon for a line
            clock.now += 0.2
            progress.advance()
        assert command.err.getvalue() == ""
        for _ in range(30):  # 30 more in the next 4 s: one line once 5 s have passed
            clock.now += 4 / 30
            progress.advance()

    lines = command.err.getvalue().splitlines()
    assert len(lines) == 1
    # 33 done after 5.07 s: 6.5 a second, 67 left take about 10 s.
    assert lines[0] == "ingest: 33/100 articles (33%), 6.5 articles/s, about 10 s left"
    assert command.out.getvalue() == "ingest: 40 articles in 6 s (6.7 articles/s).\n"


def test_the_summary_says_when_the_work_stopped_early():
    command, clock = FakeCommand(), Clock()
    with (
        pytest.raises(KeyboardInterrupt),
        CommandProgress(command, "reextract", 10, "articles", clock=clock) as progress,
    ):
        clock.now += 1
        progress.advance(4)
        raise KeyboardInterrupt
    assert "stopped before the end, 6 not done" in command.out.getvalue()


def test_on_a_terminal_a_rich_bar_is_drawn_and_messages_pass_above_it():
    command = FakeCommand()
    with CommandProgress(command, "ingest", 3, "articles", terminal=True) as progress:
        command.stdout.write("a message during the work")
        progress.advance(3)
    shown = command.err.getvalue()
    assert "a message during the work" in shown  # through the bar's console
    assert "3/3" in shown
    assert "ingest: 3 articles in" in command.out.getvalue()


@pytest.mark.parametrize(
    ("seconds", "text"), [(0.4, "0 s"), (59, "59 s"), (185, "3 min 05 s"), (3720, "1 h 02 min")]
)
def test_times_are_short(seconds, text):
    assert format_seconds(seconds) == text


def jsonl(tmp_path, records: list[dict]):
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n")
    return path


RECORDS = [
    {"title": f"خبر {n}", "text": f"اجتمع المجلس رقم {n} يوم الأحد.", "published": "2025-07-20"}
    for n in range(12)
]


@override_settings(REDIS_URL="redis://127.0.0.1:1/0")
def test_ingest_reports_progress_and_how_many_articles_wait(tmp_path, monkeypatch):
    monkeypatch.setattr(progress_module, "REPORT_EVERY", 0)  # a line at every article
    out, err = StringIO(), StringIO()
    # Nothing runs the queued extraction: the articles wait, as for a real worker.
    monkeypatch.setattr("timeline.pipeline.ingest.queue_extraction", lambda article_id: None)

    call_command("ingest", str(jsonl(tmp_path, RECORDS)), stdout=out, stderr=err)

    lines = err.getvalue().splitlines()
    assert lines[0].startswith("ingest: 1/12 articles (8%)")
    assert lines[-1].startswith("ingest: 12/12 articles (100%)")
    assert "articles/s" in lines[-1]
    assert "ingest: 12 articles in" in out.getvalue()
    assert "12 article(s) wait for the workers" in out.getvalue()
    assert "pipeline_status --watch" in out.getvalue()


def test_reextract_poll_feeds_and_fill_events_report_progress(monkeypatch):
    monkeypatch.setattr(progress_module, "REPORT_EVERY", 0)
    ingest_text("أ\nالتقى الوزيران يوم الأحد.")
    out, err = StringIO(), StringIO()
    call_command("reextract", *map(str, Article.objects.values_list("pk", flat=True)),
                 stdout=out, stderr=err)  # fmt: skip
    assert "reextract: 1/1 articles (100%)" in err.getvalue()
    assert "reextract: 1 articles in" in out.getvalue()

    out, err = StringIO(), StringIO()
    call_command("poll_feeds", stdout=out, stderr=err)  # no source has a feed
    assert "poll_feeds: 0 feeds in" in out.getvalue()

    out, err = StringIO(), StringIO()
    call_command("fill_events", "30", stdout=out, stderr=err)
    assert "fill_events: 30/30 events (100%)" in err.getvalue()
    assert "fill_events: 30 events in" in out.getvalue()


def test_jsonl_source_names_become_sources_created_once(tmp_path):
    records = [
        {"title": "أ", "text": "نص أول عن لقاء الأحد.", "source": "وكالة الأنباء"},
        {"title": "ب", "text": "نص ثان عن قمة الخميس.", "source": " وكالة  الأنباء "},
        {"title": "ج", "text": "نص ثالث عن زيارة الاثنين.", "source": "صحيفة الغد"},
        {"title": "د", "text": "نص رابع بلا مصدر."},
        {"title": "هـ", "text": "نص خامس بمصدر غير نصي.", "source": 7},
    ]
    err = StringIO()
    with pytest.raises(CommandError):
        call_command(
            "ingest", str(jsonl(tmp_path, records)), "--source", "الملف", stdout=StringIO(),
            stderr=err,
        )  # fmt: skip

    by_title = {a.title: a.source.name for a in Article.objects.select_related("source")}
    assert by_title == {
        "أ": "وكالة الأنباء",
        "ب": "وكالة الأنباء",
        "ج": "صحيفة الغد",
        "د": "الملف",  # --source for records that name none
    }
    assert Source.objects.count() == 3
    assert ":5: الحقل source" in err.getvalue()


def test_pipeline_status_counts_ages_and_failures_from_the_database():
    now = timezone.now()
    articles = [ingest_text(f"عنوان {n}\nنص المقال رقم {n} يوم الأحد.").article for n in range(6)]
    Article.objects.update(status=Article.Status.DONE)
    Article.objects.filter(pk__in=[a.pk for a in articles[:2]]).update(
        status=Article.Status.QUEUED, updated_at=now - timedelta(minutes=7)
    )
    Article.objects.filter(pk=articles[0].pk).update(updated_at=now - timedelta(minutes=9))
    Article.objects.filter(pk=articles[2].pk).update(
        status=Article.Status.PROCESSING, claimed_at=now - timedelta(seconds=42)
    )
    Article.objects.filter(pk=articles[3].pk).update(
        status=Article.Status.FAILED, updated_at=now - timedelta(minutes=10)
    )
    Article.objects.filter(pk=articles[4].pk).update(
        status=Article.Status.FAILED, updated_at=now - timedelta(hours=2)
    )
    TaskFailure.objects.create(task_name="timeline.pipeline.tasks.extract_article", error="boom")
    out = StringIO()

    with override_settings(REDIS_URL=""):
        call_command("pipeline_status", stdout=out)

    text = out.getvalue()
    counts = dict(re.findall(r"^  (\w+) +([\d,]+)$", text, re.MULTILINE))
    assert counts == {"queued": "2", "processing": "1", "done": "1", "failed": "2"}
    assert f"Oldest queued:      article {articles[0].pk} «عنوان 0», waiting 9 min" in text
    assert f"Longest processing: article {articles[2].pk} «عنوان 2», for 42 s" in text
    assert "Last hour: 1 article(s) failed, 1 task failure(s)" in text
    assert "Database: ok" in text
    assert "extraction runs in-process" in text


def test_pipeline_status_names_the_failing_check_and_exits_non_zero(tmp_path):
    server = RedisServer(tmp_path)  # never started: nothing listens on its port
    out = StringIO()
    with override_settings(REDIS_URL=server.url), pytest.raises(CommandError):
        call_command("pipeline_status", stdout=out)
    assert "Redis: ConnectionError" in out.getvalue()
    assert "Workers answering: 0 (redis unreachable)" in out.getvalue()


def test_pipeline_status_watch_until_done_stops_when_nothing_waits():
    out = StringIO()
    with override_settings(REDIS_URL=""):
        call_command("pipeline_status", "--watch", "--until-done", stdout=out)
    assert out.getvalue().count("Pipeline at") == 1


def create(username: str, role: str, monkeypatch, password="a-long-secret-9041"):
    monkeypatch.setenv("NEWSROOM_PASSWORD", password)
    out = StringIO()
    call_command("createuser", username, "--role", role, stdout=out)
    return out.getvalue()


def signed_in(username: str) -> Client:
    user = get_user_model().objects.get(username=username)
    assert user.check_password("a-long-secret-9041") and user.is_active
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("role", "review", "new_article", "admin"),
    [
        ("reader", 403, 403, 302),  # the admin sends non-staff to its login page
        ("editor", 200, 200, 302),
        ("admin", 200, 200, 200),
    ],
)
def test_createuser_roles_and_what_each_may_open(monkeypatch, role, review, new_article, admin):
    said = create("sara", role, monkeypatch)

    assert f"Created the {role} 'sara'" in said
    client = signed_in("sara")
    assert client.get("/review/").status_code == review
    assert client.get("/articles/new/").status_code == new_article
    assert client.get("/admin/").status_code == admin
    user = get_user_model().objects.get(username="sara")
    assert user.groups.filter(name="Editors").exists() == (role == "editor")


def test_an_editor_sees_candidates_a_reader_does_not(monkeypatch):
    from tests.factories import make_event

    candidate = make_event(title="حدث لم يؤكد بعد")
    create("reader1", "reader", monkeypatch)
    create("editor1", "editor", monkeypatch)
    assert signed_in("reader1").get(f"/events/{candidate.pk}/").status_code == 404
    assert signed_in("editor1").get(f"/events/{candidate.pk}/").status_code == 200


def test_createuser_refuses_weak_passwords_duplicates_and_a_missing_terminal(monkeypatch):
    with pytest.raises(CommandError, match="Password refused"):
        create("sami", "editor", monkeypatch, password="123")
    assert not get_user_model().objects.filter(username="sami").exists()

    create("sami", "editor", monkeypatch)
    with pytest.raises(CommandError, match="already exists"):
        create("sami", "admin", monkeypatch)
    assert get_user_model().objects.get(username="sami").check_password("a-long-secret-9041")

    monkeypatch.delenv("NEWSROOM_PASSWORD")
    monkeypatch.setattr("sys.stdin", StringIO())
    with pytest.raises(CommandError, match="NEWSROOM_PASSWORD"):
        call_command("createuser", "huda", "--role", "reader", stdout=StringIO())


ARTICLE_FIELDS = ("title", "body", "published", "content_hash", "search_text", "status")


def _filled_rows() -> list[tuple]:
    """Every filled event as a reader and an export see it, in fill order."""
    from timeline.models import Event

    rows = []
    events = Event.objects.order_by("id").prefetch_related(
        "places", "stories", "sources__article", "sources__mention"
    )
    for event in events:
        rows.append(
            (
                *(getattr(event, f) for f in ("title", "first_day", "last_day", "granularity")),
                *(getattr(event, f) for f in ("kind", "status", "search_text", "salience")),
                sorted(place.name for place in event.places.all()),
                [story.slug for story in event.stories.all()],
                [
                    (
                        *(s.excerpt, s.highlight_start, s.highlight_end, s.mention.text),
                        *(getattr(s.article, f) for f in ARTICLE_FIELDS),
                    )
                    for s in event.sources.all()
                ],
            )
        )
    return rows


def test_fill_events_in_sql_writes_the_same_rows_as_in_python():
    from timeline.models import Event

    # Twice each, so that the second fill continues the numbering of the first.
    call_command("fill_events", "45", stdout=StringIO(), stderr=StringIO())
    call_command("fill_events", "37", stdout=StringIO(), stderr=StringIO())
    in_python = _filled_rows()
    Event.objects.all().delete()
    Article.objects.all().delete()
    call_command("fill_events", "45", "--sql", stdout=StringIO(), stderr=StringIO())
    call_command("fill_events", "37", "--sql", stdout=StringIO(), stderr=StringIO())
    assert _filled_rows() == in_python
    assert len(in_python) == 82
    assert {row[3] for row in in_python} == {"day", "month", "year"}
    # The rare place holds event number 7 only (one in 50,000).
    assert [row[0] for row in in_python if "قرية نائية" in row[8]] == [in_python[7][0]]
    # New rows after the filled ones get fresh ids (PostgreSQL's sequences moved on).
    assert Event.objects.create(title="بعد", first_day="2020-01-01", last_day="2020-01-01").pk
