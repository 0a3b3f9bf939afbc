from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from timeline.models import Article
from timeline.pipeline.ingest import IngestError, clean_article_text, ingest_text, read_text_file


def test_seed_title_is_its_first_line_and_repeat_and_footer_are_dropped(seed_text):
    cleaned = clean_article_text(seed_text)

    assert cleaned.title == "مستشار خامنئي يلتقي بوتين سراً في موسكو"
    assert cleaned.body.startswith("في زيارة غير معلنة مسبقاً")
    assert cleaned.title not in cleaned.body
    for footer in ("تابعونا عبر تليغرام", "Ad 6", "Powered By"):
        assert footer not in cleaned.body
    assert cleaned.body.endswith("وتدهور علاقاته الاقتصادية مع الغرب.")


def test_boilerplate_is_dropped_only_at_the_end():
    cleaned = clean_article_text("عنوان\nقال إنه تابعونا عبر الإذاعة أمس.\nسطر أخير.\nAd 12\n")
    assert cleaned.body == "قال إنه تابعونا عبر الإذاعة أمس.\nسطر أخير."


def test_it_refuses_empty_text_and_a_title_without_body():
    with pytest.raises(IngestError):
        clean_article_text("  \n\n ")
    with pytest.raises(IngestError):
        clean_article_text("عنوان وحده\nتابعونا عبر تليغرام\n")


def test_it_refuses_text_over_the_size_limit(settings):
    settings.ARTICLE_MAX_CHARS = 1_000
    with pytest.raises(IngestError, match="أطول من الحد"):
        clean_article_text("عنوان\n" + "كلمة " * 300)


def test_it_reads_utf8_with_bom_and_windows_1256_only_when_declared(tmp_path):
    text = "عنوان الخبر\nالتقى الوزيران يوم الأحد."
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(text.encode("cp1256"))

    assert read_text_file(bom) == text
    assert read_text_file(legacy, "windows-1256") == text
    # Never guessed: undeclared bytes that are not UTF-8 are refused, with where.
    with pytest.raises(IngestError, match="ليس نصاً بترميز UTF-8: بايت غير صالح في الموضع 0"):
        read_text_file(legacy)


@pytest.mark.django_db
def test_the_same_text_is_stored_once():
    first = ingest_text("عنوان\nالتقى الوزيران يوم الأحد.", published=date(2025, 7, 20))
    again = ingest_text("عنوان\nالتقى الوزيرانِ يوم الأحد.\n", published=date(2025, 7, 20))

    assert first.created and not again.created
    assert again.article.pk == first.article.pk
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_ingest_command_stores_the_seed_with_its_publication_date(tmp_path, seed_text):
    path = tmp_path / "seed.txt"
    path.write_text(seed_text, encoding="utf-8")
    out = StringIO()

    call_command("ingest", str(path), "--published", "2025-07-20", stdout=out)
    call_command("ingest", str(path), "--published", "2025-07-20", stdout=out)

    article = Article.objects.get()
    assert article.published == date(2025, 7, 20)
    assert "stored as article" in out.getvalue()
    assert "already stored" in out.getvalue()


@pytest.mark.django_db
def test_ingest_command_rejects_a_bad_date_and_missing_files(tmp_path):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("ingest", "x.txt", "--published", "20/07/2025")
    with pytest.raises(CommandError, match="could not be ingested"):
        call_command("ingest", str(tmp_path / "missing.txt"), stderr=StringIO())
    assert not Article.objects.exists()
