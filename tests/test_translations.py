"""Both languages whole: messages in the reader's language, Arabic counts that agree,
catalogues that makemessages leaves complete."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from tests.conftest import REPO, missing_service
from tests.factories import make_editor, make_event

ARABIC_PLURALS = (
    "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : "
    "n%100>=11 && n%100<=99 ? 4 : 5;"
)


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor())
    return client


def _bulk_confirm(client, count: int) -> str:
    events = [make_event(f"حدث {i}", sources=0) for i in range(count)]
    response = client.post(
        "/review/bulk/", {"action": "confirm", "events": [e.pk for e in events]}, follow=True
    )
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("count", "message"), [(1, "One event confirmed."), (3, "3 events confirmed.")]
)
def test_a_bulk_confirm_says_so_in_english_with_the_english_plural(editor_client, count, message):
    editor_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = _bulk_confirm(editor_client, count)
    assert f'<li class="message-success">{message}</li>' in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("count", "message"),
    [
        (1, "أُكّد حدث واحد."),
        (2, "أُكّد حدثان."),
        (3, "أُكّدت 3 أحداث."),
        (11, "أُكّد 11 حدثاً."),
        (100, "أُكّد 100 حدث."),
    ],
)
def test_a_bulk_confirm_says_so_in_arabic_with_the_arabic_plural(editor_client, count, message):
    page = _bulk_confirm(editor_client, count)
    assert f'<li class="message-success">{message}</li>' in page


@pytest.mark.django_db
def test_a_merge_flash_and_the_history_read_in_english(editor_client):
    editor_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    first, second = make_event("أ"), make_event("ب")
    page = editor_client.post(
        "/review/bulk/", {"action": "merge", "events": [first.pk, second.pk]}, follow=True
    ).content.decode()
    assert "2 events merged into “أ”." in page
    # The event was created by no one in particular: the pipeline.
    history = editor_client.get(first.get_absolute_url()).content.decode()
    assert "The system</bdi> created the event" in history
    assert "أنشأ" not in history


@pytest.mark.django_db
def test_the_history_reads_in_arabic_by_default(editor_client):
    event = make_event("أ")
    page = editor_client.get(event.get_absolute_url()).content.decode()
    assert "النظام</bdi> أنشأ الحدث" in page


@pytest.mark.django_db
def test_an_ingest_error_counts_characters_in_either_language(editor_client, settings):
    settings.ARTICLE_MAX_CHARS = 1_000
    form = {"title": "عنوان", "text": "كلمة " * 220}  # a body of 1,099 characters
    arabic = editor_client.post("/articles/new/", form).content.decode()
    assert "النص أطول من الحد المسموح (1,000 حرف): 1,099 حرفاً." in arabic
    editor_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = editor_client.post("/articles/new/", form).content.decode()
    assert "The text is longer than allowed (1,000 characters): 1,099 characters." in english


# -- The catalogues -------------------------------------------------------------------


_FIELD = re.compile(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) "(.*)"')


def read_po(path: Path) -> tuple[str, list[dict]]:
    """The header and the entries of a .po file: msgctxt, msgid, msgid_plural, msgstr
    (a list: one string, or one per plural form) and flags. Obsolete entries (#~) are
    comments here, so they are skipped."""
    header, entries = "", []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        flags: set[str] = set()
        fields: dict[str, str] = {}
        field = None
        for line in block.splitlines():
            if line.startswith("#,"):
                flags |= {flag.strip() for flag in line[2:].split(",")}
            elif match := _FIELD.fullmatch(line):
                field, fields[match[1]] = match[1], match[2]
            elif line.startswith('"') and field is not None:
                fields[field] += line.strip()[1:-1]
        if "msgid" not in fields:
            continue
        msgstr = [value for key, value in fields.items() if key.startswith("msgstr")]
        if fields["msgid"] == "":
            header = msgstr[0]
            continue
        entries.append(
            {
                "msgctxt": fields.get("msgctxt"),
                "msgid": fields["msgid"],
                "msgid_plural": fields.get("msgid_plural"),
                "msgstr": msgstr,
                "flags": flags,
            }
        )
    return header, entries


def _name(entry: dict) -> str:
    return f"{entry['msgctxt'] + ' | ' if entry['msgctxt'] else ''}{entry['msgid']}"


def check_english(path: Path) -> list[str]:
    """What is missing from the English catalogue: every message translated, none fuzzy."""
    _header, entries = read_po(path)
    problems = [f"fuzzy: {_name(e)}" for e in entries if "fuzzy" in e["flags"]]
    problems += [f"untranslated: {_name(e)}" for e in entries if not all(e["msgstr"])]
    return problems


def check_arabic(path: Path) -> list[str]:
    """Arabic's plural rule in the header, and all six forms of every counted message."""
    header, entries = read_po(path)
    problems = [] if f"Plural-Forms: {ARABIC_PLURALS}" in header.replace("\\n", "") else ["header"]
    problems += [f"fuzzy: {_name(e)}" for e in entries if "fuzzy" in e["flags"]]
    problems += [
        f"not six forms: {_name(e)}"
        for e in entries
        if e["msgid_plural"] is not None and (len(e["msgstr"]) != 6 or not all(e["msgstr"]))
    ]
    return problems


def test_the_committed_catalogues_are_complete():
    assert check_english(REPO / "locale/en/LC_MESSAGES/django.po") == []
    assert check_arabic(REPO / "locale/ar/LC_MESSAGES/django.po") == []


def test_the_checks_see_an_untranslated_or_fuzzy_message(tmp_path):
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        'msgid "أ"\nmsgstr ""\n\n#, fuzzy\nmsgid "ب"\nmsgstr "B"\n\n'
        'msgid "حدث واحد"\nmsgid_plural "%(n)s حدث"\nmsgstr[0] "one"\nmsgstr[1] ""\n',
        encoding="utf-8",
    )
    assert check_english(po) == ["fuzzy: ب", "untranslated: أ", "untranslated: حدث واحد"]
    assert check_arabic(po) == ["header", "fuzzy: ب", "not six forms: حدث واحد"]


def test_makemessages_leaves_nothing_to_translate(tmp_path):
    """Every marked string of the code and the templates is in both catalogues: on a copy,
    makemessages finds nothing new, English untranslated or fuzzy, or Arabic plural short."""
    if shutil.which("msgmerge") is None or shutil.which("xgettext") is None:
        missing_service("GNU gettext is not installed (apt-get install gettext)")
    for name in ("timeline", "templates", "newsroom", "locale"):
        shutil.copytree(
            REPO / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo")
        )
    shutil.copy(REPO / "manage.py", tmp_path / "manage.py")
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "en", "-l", "ar", "--no-obsolete"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert check_english(tmp_path / "locale/en/LC_MESSAGES/django.po") == []
    assert check_arabic(tmp_path / "locale/ar/LC_MESSAGES/django.po") == []


@pytest.mark.django_db
def test_a_missing_page_says_so_in_the_readers_language(client):
    assert "الصفحة غير موجودة" in client.get("/no-such-page/").content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in response.content.decode()


@pytest.mark.django_db
def test_a_forbidden_action_says_so_in_the_readers_language(client):
    client.force_login(make_editor("other"))
    event = make_event()
    note = event.annotations.create(text="ملاحظة", author=make_editor("author"))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(f"/annotations/{note.pk}/edit/")
    assert response.status_code == 403
    assert "<h1>Not allowed</h1>" in response.content.decode()
