"""Ingest: every record and file on its own, encodings never guessed, a summary always."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import OperationalError

from timeline.models import Article
from timeline.pipeline import ingest
from timeline.pipeline.ingest import IngestError, ingest_text

BODY = "التقى الوزيران يوم الأحد في عمّان."


def run(*args: str) -> tuple[str, str, CommandError | None]:
    out, err = StringIO(), StringIO()
    try:
        call_command("ingest", *args, stdout=out, stderr=err)
    except CommandError as exc:
        return out.getvalue(), err.getvalue(), exc
    return out.getvalue(), err.getvalue(), None


def record(title: str, text: str = BODY) -> bytes:
    return json.dumps({"title": title, "text": f"{text} ({title})"}).encode("utf-8")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "message"),
    [("نص\x00مخفي", "NUL"), ("نص \ud800 مكسور", "نصف زوج بديل")],
    ids=["nul", "lone-surrogate"],
)
def test_text_the_database_cannot_store_is_refused_with_a_reason(text, message):
    with pytest.raises(IngestError, match=message):
        ingest_text(f"عنوان\n{text}")
    with pytest.raises(IngestError, match=message):
        ingest_text(BODY, title=text)
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_bad_jsonl_lines_are_reported_and_every_other_line_goes_in(tmp_path):
    lines = [
        record("أول"),
        json.dumps({"title": "NUL", "text": "نص\u0000"}).encode(),  # JSON's \\u0000 escape
        json.dumps({"title": "بديل", "text": "نص \\ud800"}).encode().replace(b"\\\\", b"\\"),
        record("ويندوز").decode().encode("utf-8")[:-2] + 'ي"}'.encode("cp1256"),
        b'{"title": "raw", "text": "\x00"}',
        record("ثان"),
    ]
    path = tmp_path / "articles.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + b"\n".join(lines) + b"\n")

    out, err, error = run(str(path))

    assert error is not None and "4 input(s)" in str(error)
    assert sorted(Article.objects.values_list("title", flat=True)) == ["أول", "ثان"]
    assert "Done: 2 stored, 0 duplicates, 4 failed." in out
    assert f"{path}:2: النص: فيه المحرف NUL" in err
    assert f"{path}:3: النص: فيه نصف زوج بديل" in err
    assert f"{path}:4: ليس UTF-8" in err
    assert f"{path}:5: ليس JSON" in err


@pytest.mark.django_db
def test_a_bad_file_does_not_stop_the_files_after_it(tmp_path):
    good_a, nul, legacy, good_c = (tmp_path / name for name in ("a.txt", "b.txt", "c.txt", "d.txt"))
    good_a.write_text(f"أ\n{BODY} 1", encoding="utf-8")
    nul.write_bytes(f"ب\n{BODY}\x00 2".encode())
    legacy.write_bytes(f"ج\n{BODY} 3".encode("cp1256"))
    good_c.write_text(f"د\n{BODY} 4", encoding="utf-8")

    out, err, error = run(*map(str, (good_a, nul, legacy, good_c)))

    assert sorted(Article.objects.values_list("title", flat=True)) == ["أ", "د"]
    assert "Done: 2 stored, 0 duplicates, 2 failed." in out
    assert "b.txt" in err and "NUL" in err
    assert "c.txt" in err and "UTF-8" in err and "--encoding" in err

    # Declared, the legacy file is read as what it is.
    out, err, error = run(str(legacy), "--encoding", "windows-1256")
    assert error is None and Article.objects.filter(title="ج").exists()


@pytest.mark.django_db
def test_html_files_are_read_in_the_charset_they_declare(tmp_path):
    page = tmp_path / "page.html"
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'
        "<title>لقاء</title></head><body><article><h1>لقاء في عمّان</h1>"
        f"<p>{BODY} {'وتابع الوزيران المحادثات حول التعاون الاقتصادي. ' * 5}</p>"
        "</article></body></html>"
    )
    page.write_bytes(html.encode("cp1256"))

    _out, err, error = run(str(page))

    assert error is None, err
    assert "التقى الوزيران" in Article.objects.get().body


@pytest.mark.django_db
def test_an_interrupted_run_prints_its_summary_and_a_rerun_finishes_the_job(tmp_path, monkeypatch):
    path = tmp_path / "many.jsonl"
    path.write_bytes(b"\n".join(record(f"مقال {n}") for n in range(25)) + b"\n")
    real = ingest.ingest_record
    seen = []

    def database_restarts(rec, source=None):
        seen.append(rec)
        if len(seen) == 15:
            raise OperationalError("server closed the connection unexpectedly")
        return real(rec, source=source)

    monkeypatch.setattr("timeline.management.commands.ingest.ingest_record", database_restarts)

    out, _err, error = run(str(path))

    # The first batch of ten was committed; the second was rolled back with the fault.
    assert "Interrupted: 10 stored, 0 duplicates, 0 failed." in out
    assert error is not None and "Run the same command again" in str(error)
    assert Article.objects.count() == 10

    monkeypatch.setattr("timeline.management.commands.ingest.ingest_record", real)
    out, _err, error = run(str(path))
    assert error is None
    assert "Done: 15 stored, 10 duplicates, 0 failed." in out
    assert Article.objects.count() == 25
