from dataclasses import dataclass
from datetime import date

from timeline.events import build_candidates, clean_title, granularity_of, sentence_spans


@dataclass
class FakeMention:
    start: int
    end: int
    type: str
    value: str | None
    mod: str | None
    first_day: date | None
    last_day: date | None


def mention_of(text: str, phrase: str, value: str, first: date, last: date, mod=None, type="DATE"):
    start = text.index(phrase)
    return FakeMention(start, start + len(phrase), type, value, mod, first, last)


def test_granularity_follows_the_timex_value():
    assert granularity_of("2025-07-20") == "day"
    assert granularity_of("2025-07-20TEV") == "day"
    assert granularity_of("2025-08") == "month"
    assert granularity_of("2025-W30") == "week"
    assert granularity_of("2015") == "year"
    assert granularity_of("197") == "decade"
    assert granularity_of("P3D") is None
    assert granularity_of("PAST_REF") is None


def test_sentences_do_not_split_decimal_numbers():
    text = "ارتفع التضخم إلى 25.8 في المئة. ثم تراجع؟ نعم\nسطر"
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "ارتفع التضخم إلى 25.8 في المئة.",
        "ثم تراجع؟",
        "نعم",
        "سطر",
    ]


def test_titles_lose_leading_connectives_and_are_cut_on_a_word():
    assert clean_title("وفي حين لم يعلن عن التفاصيل") == "لم يعلن عن التفاصيل"
    assert clean_title("وتأتي هذه الزيارة في ظل التوتر.") == "هذه الزيارة في ظل التوتر"
    long = clean_title("كلمة " * 60)
    assert len(long) <= 141 and long.endswith("كلمة…")


def test_one_candidate_per_dated_clause_with_kind_from_the_nearest_trigger():
    text = (
        "وكانت الدول الثلاث قد أمهلت إيران حتى نهاية آب/أغسطس لتنفيذ خطوات "
        "نحو الامتثال لبنود الاتفاق النووي لعام 2015، محذرة من مجلس الأمن."
    )
    mentions = [
        mention_of(text, "نهاية آب/أغسطس", "2025-08", date(2025, 8, 1), date(2025, 8, 31), "END"),
        mention_of(text, "عام 2015", "2015", date(2015, 1, 1), date(2015, 12, 31)),
        mention_of(text, "خطوات", "P1D", None, None, type="DURATION"),
    ]

    deadline, agreement = build_candidates(text, mentions)

    assert (deadline.kind, deadline.granularity, deadline.mod) == ("deadline", "month", "END")
    assert deadline.title.startswith("كانت الدول الثلاث قد أمهلت إيران")
    assert (agreement.kind, agreement.granularity) == ("agreement", "year")
    assert agreement.title.startswith("الامتثال لبنود الاتفاق النووي")
    assert deadline.excerpt == agreement.excerpt == text
    assert text[agreement.highlight_start : agreement.highlight_end] == "عام 2015"


def test_durations_and_unresolved_dates_make_no_event():
    text = "استمرت المفاوضات ثلاثة أيام. وسيلتقيان يوم الأحد."
    mentions = [
        mention_of(text, "ثلاثة أيام", "P3D", None, None, type="DURATION"),
        mention_of(text, "يوم الأحد", None, None, None),
    ]
    assert build_candidates(text, mentions) == []
